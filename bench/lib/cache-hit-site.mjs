// The site for `cache-hit`: one HTML page and 300 small assets under assets/ (75 each of CSS,
// JS, SVG and PNG-like binaries, 1–8 KB), generated from a fixed seed, so every run and every
// machine gets the same bytes. Each asset's name carries 8 hex digits of its SHA-256
// (`item-003.1a2b3c4d.css`), as a bundler names build assets: such files never change, so
// Shellac precaches them under their own URL and routes them with the browser's static routes.
// Small enough (under 1 MB) to generate into the row's scratch directory on each run.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prng, randomBytes } from './prng.mjs';

export const ASSET_COUNT = 300;
const KINDS = ['css', 'js', 'svg', 'png'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const hex = (r) => Math.floor(r.next() * 0xffffff).toString(16).padStart(6, '0');

/** Text of about `size` bytes made of lines from `line(i)`, cut to exactly `size`. */
function textOf(size, line) {
  let s = '';
  for (let i = 0; s.length < size; i++) s += line(i);
  return Buffer.from(s.slice(0, size));
}

function asset(r, kind, i, size) {
  if (kind === 'css') return textOf(size, (j) => `.c${i}-${j} { color: #${hex(r)}; margin: ${r.int(0, 24)}px ${r.int(0, 24)}px; border: 1px solid #${hex(r)}; }\n`);
  if (kind === 'js') return textOf(size, (j) => `export const v${i}_${j} = (x) => x * ${r.int(1, 999)} + ${JSON.stringify(hex(r))}.length;\n`);
  if (kind === 'svg') {
    const body = textOf(size - 120, (j) => `<circle cx="${r.int(0, 64)}" cy="${r.int(0, 64)}" r="${r.int(1, 9)}" fill="#${hex(r)}" id="p${j}"/>`);
    return Buffer.concat([Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><!-- ${i} -->`), body, Buffer.from('</svg>\n')]);
  }
  const head = Buffer.concat([PNG_SIGNATURE, Buffer.from(`\0\0\0\rIHDR#${i}`)]);
  return Buffer.concat([head, randomBytes(r, size - head.length)]);
}

const PAGE = (extraHead) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cache-hit</title>
${extraHead}</head>
<body>
<h1>cache-hit</h1>
<p>The benchmark fetches ${ASSET_COUNT} assets from this page.</p>
</body>
</html>
`;

/** The registration a hand-written site would have for a worker at /sw.js (the peers' page). */
export const REGISTER_SNIPPET = "<script>navigator.serviceWorker.register('/sw.js');</script>\n";

/**
 * Writes the site into `dir`: `index.html` (no worker registration: Shellac's build injects its
 * own, `peerPage()` gives the peers theirs) and the assets. Returns `{ urls, bytes, files }`,
 * with `urls` the assets' root-relative URLs in a fixed order.
 */
export function generateCacheHitSite(dir) {
  const r = prng(0xcac4e);
  const urls = [];
  let bytes = 0;
  for (let i = 0; i < ASSET_COUNT; i++) {
    const kind = KINDS[i % KINDS.length];
    const size = Math.round(Math.exp(Math.log(1000) + r.next() * Math.log(8))); // 1,000–8,000 B, log-uniform
    const data = asset(r, kind, i, size);
    // 8 hex digits with a letter and a digit among them, as isHashedName in @shellac/protocol requires.
    const hex = createHash('sha256').update(data).digest('hex');
    let at = 0;
    while (!/[a-f]/.test(hex.slice(at, at + 8)) || !/[0-9]/.test(hex.slice(at, at + 8))) at++;
    const path = `assets/${kind}/item-${String(i).padStart(3, '0')}.${hex.slice(at, at + 8)}.${kind}`;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
    urls.push(`/${path}`);
    bytes += data.length;
  }
  writeFileSync(join(dir, 'index.html'), PAGE(''));
  return { urls, bytes, files: ASSET_COUNT + 1 };
}

/** The page with the peers' registration snippet. */
export const peerPage = () => PAGE(REGISTER_SNIPPET);
