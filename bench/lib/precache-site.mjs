// The site for `precache-install` and `update-bytes`: 300 small assets that every contender
// precaches, plus index.html and offline.html. Deterministic: a seeded PRNG (site.mjs `prng`)
// drives every byte, so every machine builds the same 300 files and the same manifests.
//
// 75 each of .css, .js, .svg (text) and .png (PNG signature + incompressible payload), sizes
// log-uniform between 1 and 8 KiB, in assets/{css,js,icons,img}/. Those extensions are in
// Shellac's default precache globs, so `shellac build` precaches all 300 (plus offline.html and
// its own shellac.js); the peers get `PEER_GLOBS`, the same 300 plus offline.html.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prng, randomBytes } from './prng.mjs';

export const ASSET_COUNT = 300;
/** What the peers precache: the 300 assets and the offline page (Shellac's defaults give the same). */
export const PEER_GLOBS = ['assets/**/*.{css,js,svg,png}', 'offline.html'];
/** The asset `update-bytes` changes: a PNG (incompressible), rewritten with new bytes of the same size. */
export const CHANGED_INDEX = 151;

const KINDS = [
  { ext: 'css', dir: 'assets/css', name: 'style' },
  { ext: 'js', dir: 'assets/js', name: 'module' },
  { ext: 'svg', dir: 'assets/icons', name: 'icon' },
  { ext: 'png', dir: 'assets/img', name: 'image' },
];
const WORDS = ('cache fetch install activate precache manifest worker offline update version request response '
  + 'route asset image style script header page scope client network stream body entry revision hash').split(' ');

export const assetRel = (i) => {
  const k = KINDS[i % KINDS.length];
  return `${k.dir}/${k.name}-${String(i).padStart(3, '0')}.${k.ext}`;
};

function text(r, kind, i, size) {
  const word = () => r.pick(WORDS);
  let out;
  if (kind === 'css') {
    out = `/* ${assetRel(i)} */\n`;
    while (out.length < size) out += `.${word()}-${word()}-${r.int(0, 999)}{color:#${r.int(0, 0xffffff).toString(16).padStart(6, '0')};margin:${r.int(0, 40)}px ${r.int(0, 40)}px;display:${r.pick(['block', 'flex', 'grid', 'none'])}}\n`;
  } else if (kind === 'js') {
    out = `// ${assetRel(i)}\n`;
    while (out.length < size) out += `export function ${word()}${r.int(0, 9999)}(${word()}, options = {}) { return options.${word()} ?? ${r.int(0, 99999)}; }\n`;
  } else {
    out = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><!-- ${i} -->`;
    while (out.length < size - 6) out += `<path d="M${r.int(0, 24)} ${r.int(0, 24)}l${r.int(-9, 9)} ${r.int(-9, 9)}z"/>`;
    return out.slice(0, size - 6) + '</svg>';
  }
  return out.slice(0, size);
}

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (r, size) => Buffer.concat([PNG_HEAD, randomBytes(r, size - PNG_HEAD.length)]);

const page = (title, body) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/${assetRel(0)}">
</head>
<body>
  ${body}
</body>
</html>
`;

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

export const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/**
 * Writes the site into `dir`. Resolves `{ dir, assets: [{ rel, size, hash }], bytes }`.
 */
export function writePrecacheSite(dir) {
  const r = prng(0x9ec4c4e);
  const assets = [];
  for (let i = 0; i < ASSET_COUNT; i++) {
    const kind = KINDS[i % KINDS.length].ext;
    const size = Math.round(1024 * 2 ** (3 * r.next())); // 1–8 KiB, log-uniform
    const data = kind === 'png' ? png(r, size) : Buffer.from(text(r, kind, i, size));
    const rel = assetRel(i);
    write(join(dir, rel), data);
    assets.push({ rel, size: data.length, hash: sha256(data) });
  }
  const links = assets.slice(0, 20).map((a) => `<li><a href="/${a.rel}">${a.rel}</a></li>`).join('\n    ');
  write(join(dir, 'index.html'), page('Precache test site', `<h1>Precache test site</h1>\n  <p>300 assets, all precached.</p>\n  <ul>\n    ${links}\n  </ul>`));
  write(join(dir, 'offline.html'), page('Offline', '<h1>You are offline</h1>\n  <p>This page has not been saved on this device yet.</p>'));
  return { dir, assets, bytes: assets.reduce((s, a) => s + a.size, 0) };
}

/**
 * Rewrites the asset `CHANGED_INDEX` in `dir` with different bytes of the same size (a new
 * seeded payload after the same PNG signature). Resolves `{ rel, size, before, after }` (hashes).
 */
export function changeAsset(dir) {
  const rel = assetRel(CHANGED_INDEX);
  const path = join(dir, rel);
  const old = readFileSync(path);
  const next = png(prng(0xc4a9ed), old.length);
  if (next.equals(old)) throw new Error('the changed asset came out identical');
  writeFileSync(path, next);
  return { rel, size: next.length, before: sha256(old), after: sha256(next) };
}
