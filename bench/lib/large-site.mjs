// The large site for `build-manifest`: 10,000 files, ~200 MB, nested folders, mixed types.
import { join } from 'node:path';
import { cached, write } from './cached-site.mjs';
import { PNG_SIGNATURE } from './png-like.mjs';
import { prng, randomBytes } from './prng.mjs';
import { cssText, jsText, paragraph, slug, svgText, WORDS } from './text-generators.mjs';

const LARGE_TYPES = [
  // ext, count, median bytes (log-normal), sigma
  { ext: 'html', count: 4000, median: 11_000, sigma: 0.7 },
  { ext: 'css', count: 700, median: 8_000, sigma: 0.9 },
  { ext: 'js', count: 1300, median: 18_000, sigma: 1.0 },
  { ext: 'png', count: 3600, median: 14_000, sigma: 1.2 },
  { ext: 'svg', count: 400, median: 2_000, sigma: 0.7 },
];
export const LARGE_SITE = { files: 10_000, totalBytes: 200_000_000, maxFileBytes: 4_500_000 };

function generateLargeSite(dir) {
  const r = prng(0xb16517e);
  // Corpora sliced into files (each file gets a unique first line, so every hash differs).
  const corpus = {
    html: Buffer.from(Array.from({ length: 1400 }, () => `<p>${paragraph(r)}</p>\n`).join('')),
    css: Buffer.from(cssText(r, 600_000)),
    js: Buffer.from(jsText(r, 900_000, true)),
    svg: Buffer.from(svgText(r, 200_000)),
    png: randomBytes(r, 8 * 2 ** 20),
  };
  const specs = [];
  for (const t of LARGE_TYPES) {
    for (let i = 0; i < t.count; i++) specs.push({ ext: t.ext, size: t.median * Math.exp(t.sigma * r.normal()) });
  }
  // A few big files (videos' posters, PDFs-as-PNG, bundles) that dominate the byte count, as on real sites.
  for (let i = 0; i < 12; i++) specs[r.int(4000 + 700 + 1300, specs.length - 401)].size = r.int(1_500_000, 4_400_000);
  // Scale to the total, clamp to [200 B, max], then rescale the unclamped files to hit the total.
  for (let pass = 0; pass < 4; pass++) {
    const sum = specs.reduce((s, f) => s + f.size, 0);
    const free = specs.filter((f) => f.size < LARGE_SITE.maxFileBytes);
    const fixed = sum - free.reduce((s, f) => s + f.size, 0);
    const k = (LARGE_SITE.totalBytes - fixed) / (sum - fixed);
    for (const f of free) f.size = Math.min(LARGE_SITE.maxFileBytes, Math.max(200, f.size * k));
  }
  let total = 0;
  specs.forEach((f, i) => { f.size = Math.round(f.size); total += f.size; f.i = i; });
  specs[specs.length - 1].size += LARGE_SITE.totalBytes - total; // exact total

  // A fixed tree of 1,016 folders, 1-4 levels deep (8 sections x 6 x 5 x 3); ~10 files each.
  const folders = [];
  const grow = (parts, fanout) => {
    folders.push(parts);
    if (fanout.length) for (let i = 0; i < fanout[0]; i++) grow([...parts, `${r.pick(WORDS)}-${i}`], fanout.slice(1));
  };
  for (const s of ['docs', 'blog', 'products', 'support', 'news', 'learn', 'community', 'static']) grow([s], [6, 5, 3]);
  specs.forEach((f) => {
    const path = join(dir, ...r.pick(folders), `${slug(r)}-${f.i}.${f.ext}`);
    const src = corpus[f.ext];
    const head = f.ext === 'png'
      ? Buffer.concat([PNG_SIGNATURE, Buffer.from(`\0\0\0\rIHDR#${f.i}`)])
      : Buffer.from(f.ext === 'html' ? `<!doctype html><!-- ${f.i} -->\n` : f.ext === 'svg' ? `<!-- ${f.i} -->` : `/* ${f.i} */\n`);
    const body = Buffer.alloc(Math.max(0, f.size - head.length));
    let off = r.int(0, src.length - 1);
    for (let w = 0; w < body.length;) {
      const n = Math.min(body.length - w, src.length - off);
      src.copy(body, w, off, off + n);
      w += n;
      off = 0;
    }
    write(path, Buffer.concat([head, body]).subarray(0, f.size));
  });
}

/** The 10,000-file, ~200 MB site for `build-manifest` (generated once, reused). */
export function largeSite() {
  return cached('large-site', { kind: 'large', ...LARGE_SITE, types: LARGE_TYPES }, generateLargeSite);
}
