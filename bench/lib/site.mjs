// Deterministic test sites. Same seed, same bytes, on every machine: a seeded PRNG drives every
// choice and nothing reads the clock or Math.random. Sites are generated into
// bench/results/tmp/cache/ and reused while their stamp (parameters + GENERATOR_VERSION) matches.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE } from './paths.mjs';

/** Bump when the generators change, so cached sites are rebuilt. */
const GENERATOR_VERSION = 5;

/** mulberry32: a small, fast, seedable 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  /** Standard normal (Box-Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, int, pick, normal };
}

/** `n` pseudo-random bytes (incompressible, like PNG/JPEG payloads). */
export function randomBytes(rand, n) {
  const words = new Uint32Array(Math.ceil(n / 4));
  for (let i = 0; i < words.length; i++) words[i] = (rand.next() * 4294967296) >>> 0;
  return Buffer.from(words.buffer, 0, n);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG-like file of exactly `size` bytes: PNG signature + IHDR-ish header + incompressible payload. */
function pngLike(rand, size, tag) {
  const head = Buffer.concat([PNG_SIGNATURE, Buffer.from(`\0\0\0\rIHDR${tag}`)]);
  return Buffer.concat([head, randomBytes(rand, Math.max(0, size - head.length))]).subarray(0, size);
}

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** Generates `dir` with `generate(dir)` unless a matching stamp says it is already there. */
function cached(name, params, generate) {
  const dir = join(CACHE, name);
  const stampPath = join(CACHE, `${name}.json`);
  const stamp = JSON.stringify({ GENERATOR_VERSION, ...params });
  if (existsSync(dir) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampPath, { force: true });
  generate(dir);
  writeFileSync(stampPath, stamp); // written last: an interrupted generation is redone
  return { dir, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Text generators

const WORDS = ('service worker cache request response offline page navigation fetch network '
  + 'precache manifest route strategy update install activate scope client register version '
  + 'header status storage quota expiration entry default option config build deploy server '
  + 'render template layout component module function return value string number object array '
  + 'promise async await event listener handler error retry timeout fallback asset image style '
  + 'script document browser origin path query hash redirect stream body content type encoding '
  + 'the a of to and in is for that with on as it by this be are from or can an will your you '
  + 'when which if not all each one use using should must may new first also more than only').split(' ');

function sentence(r) {
  const n = r.int(6, 20);
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(WORDS));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + r.pick(['.', '.', '.', '?', ':']);
}
const paragraph = (r) => Array.from({ length: r.int(2, 7) }, () => sentence(r)).join(' ');
const ident = (r) => r.pick(WORDS) + r.pick(['', 'Key', 'Url', 'Name', 'List', 'Map', 'Options', 'State']) ;
const slug = (r, n = 2) => Array.from({ length: n }, () => r.pick(WORDS)).join('-');

function codeBlock(r) {
  const lines = [];
  for (let i = r.int(4, 18); i > 0; i--) {
    lines.push(r.pick([
      `const ${ident(r)} = await ${ident(r)}(${JSON.stringify(slug(r))});`,
      `if (!${ident(r)}) return ${ident(r)}.${ident(r)}();`,
      `${ident(r)}.addEventListener('${r.pick(['fetch', 'install', 'activate', 'message'])}', (event) =&gt; {`,
      `  event.respondWith(${ident(r)}(event.request));`,
      `});`,
      `export function ${ident(r)}(${ident(r)}, ${ident(r)} = {}) {`,
      `  return ${ident(r)}.${ident(r)} ?? ${r.int(0, 9999)};`,
      `}`,
      `// ${sentence(r)}`,
    ]));
  }
  return `<pre class="code"><code class="language-js">${lines.join('\n')}</code></pre>`;
}

function cssText(r, bytes) {
  const props = ['color', 'background', 'margin', 'padding', 'border', 'font-size', 'line-height', 'display',
    'grid-template-columns', 'gap', 'border-radius', 'box-shadow', 'transition', 'max-width', 'position'];
  const vals = ['0', '1rem', '.5rem 1rem', 'var(--accent)', '#1f2328', '#f6f8fa', 'flex', 'grid', 'none',
    '1px solid var(--border)', '4px', '0 1px 3px rgba(0,0,0,.12)', 'color .2s ease', '72ch', 'sticky', '1.6'];
  let out = ':root{--accent:#0b63ce;--border:#d0d7de;--fg:#1f2328;--bg:#fff}\n';
  while (out.length < bytes) {
    const sel = [`.${slug(r)}`, `.${slug(r)} > .${r.pick(WORDS)}`, `.${slug(r)}:hover`, `#${r.pick(WORDS)} .${slug(r)}`];
    out += `${r.pick(sel)}{`;
    for (let i = r.int(2, 7); i > 0; i--) out += `${r.pick(props)}:${r.pick(vals)};`;
    out += '}\n';
    if (r.next() < 0.04) out += `@media (max-width:${r.pick([480, 768, 1024])}px){.${slug(r)}{display:none}}\n`;
  }
  return out.slice(0, bytes);
}

function jsText(r, bytes, minified) {
  let out = minified ? '"use strict";' : "'use strict';\n";
  const sep = minified ? '' : '\n';
  while (out.length < bytes) {
    const f = minified ? String.fromCharCode(97 + r.int(0, 25)) + r.int(0, 99) : ident(r);
    const a = minified ? 'e' : ident(r);
    const b = minified ? 't' : ident(r);
    out += r.pick([
      `function ${f}(${a},${b}){if(!${a})return ${b};const n=${a}.${r.pick(WORDS)}||[];for(let i=0;i<n.length;i++)${b}(n[i],i);return n}${sep}`,
      `const ${f}=async(${a})=>{const r=await fetch(${a},{credentials:"same-origin"});if(!r.ok)throw new Error(${JSON.stringify(sentence(r))});return r.json()};${sep}`,
      `document.querySelectorAll(".${slug(r)}").forEach(${a}=>${a}.addEventListener("click",()=>${a}.classList.toggle("${r.pick(WORDS)}")));${sep}`,
      `export const ${f}={${r.pick(WORDS)}:${r.int(0, 9999)},${r.pick(WORDS)}:"${slug(r, 3)}",${r.pick(WORDS)}:${r.next() < 0.5}};${sep}`,
      minified ? '' : `// ${sentence(r)}\n`,
    ]);
  }
  return out.slice(0, bytes);
}

function svgText(r, bytes) {
  let out = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">`;
  while (out.length < bytes - 6) {
    out += `<path d="M${r.int(0, 24)} ${r.int(0, 24)}l${r.int(-9, 9)} ${r.int(-9, 9)}c${r.int(0, 9)}.${r.int(0, 9)} ${r.int(0, 9)} ${r.int(0, 9)}.${r.int(0, 9)} ${r.int(0, 24)}z"/>`;
  }
  return (out.slice(0, bytes - 6) + '</svg>').slice(-bytes);
}

// ---------------------------------------------------------------------------------------------
// Documentation site (~300 pages)

const DOCS_SECTIONS = [
  { dir: 'getting-started', pages: 10 },
  ...['routing', 'caching', 'forms', 'auth', 'i18n', 'testing', 'performance', 'accessibility', 'theming', 'plugins']
    .map((t) => ({ dir: `guide/${t}`, pages: 10 })),
  ...['core', 'router', 'cache', 'storage', 'client', 'worker', 'cli', 'config', 'events', 'utils']
    .map((m) => ({ dir: `api/${m}`, pages: 12 })),
  { dir: 'tutorials', pages: 25 },
  ...['2022', '2023', '2024'].map((y) => ({ dir: `blog/${y}`, pages: 13 })),
  { dir: 'blog', pages: 1 },
  { dir: 'reference', pages: 5 },
];

const DOCS_CSS = ['/assets/css/main.css', '/assets/css/syntax.css'];
const DOCS_JS = ['/assets/js/app.js', '/assets/js/search.js', '/assets/js/vendor/highlight.min.js'];

function docsPage(r, { title, section, siblings, images }) {
  const nav = siblings.map((s) => `<li><a href="/${s.path}">${s.title}</a></li>`).join('\n        ');
  const parts = [];
  const blocks = r.int(12, 60);
  for (let i = 0; i < blocks; i++) {
    const x = r.next();
    if (x < 0.18) parts.push(`<h2 id="${slug(r)}">${sentence(r).slice(0, -1)}</h2>`);
    else if (x < 0.36) parts.push(codeBlock(r));
    else if (x < 0.42) parts.push(`<figure><img src="/${r.pick(images)}" alt="${slug(r, 3)}" loading="lazy" width="800" height="450"><figcaption>${sentence(r)}</figcaption></figure>`);
    else if (x < 0.5) parts.push(`<ul>${Array.from({ length: r.int(3, 8) }, () => `<li>${sentence(r)}</li>`).join('')}</ul>`);
    else parts.push(`<p>${paragraph(r)}</p>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Docs</title>
  <meta name="description" content="${sentence(r)}">
  <link rel="icon" href="/favicon.png">
  ${DOCS_CSS.map((h) => `<link rel="stylesheet" href="${h}">`).join('\n  ')}
  <link rel="stylesheet" href="/assets/css/print.css" media="print">
  ${DOCS_JS.map((s) => `<script defer src="${s}"></script>`).join('\n  ')}
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/"><img src="/images/logo.svg" alt="Docs" width="120" height="32"></a>
    <nav class="top-nav"><a href="/getting-started/">Get started</a><a href="/guide/routing/">Guides</a><a href="/api/core/">API</a><a href="/tutorials/">Tutorials</a><a href="/blog/">Blog</a></nav>
    <button class="search-toggle" aria-label="Search"><img src="/assets/icons/search.svg" alt=""></button>
  </header>
  <div class="layout">
    <aside class="sidebar" aria-label="${section}">
      <ul>
        ${nav}
      </ul>
    </aside>
    <main id="content">
      <h1>${title}</h1>
      ${parts.join('\n      ')}
    </main>
  </div>
  <footer class="site-footer"><p>${sentence(r)}</p><p>© Example Docs. Built with a static site generator.</p></footer>
</body>
</html>
`;
}

function generateDocsSite(dir) {
  const r = prng(0x5e11ac);
  const iconNames = ['search', 'menu', 'close', 'copy', 'check', 'warning', 'info', 'github', 'external', 'chevron-left',
    'chevron-right', 'chevron-down', 'sun', 'moon', 'link', 'edit', 'download', 'home', 'book', 'code', 'terminal',
    'settings', 'star', 'rss'];
  for (const name of iconNames) write(join(dir, `assets/icons/${name}.svg`), svgText(r, r.int(300, 2500)));
  write(join(dir, 'images/logo.svg'), svgText(r, 4200));
  write(join(dir, 'favicon.png'), pngLike(r, 2300, 'fav'));
  const images = [];
  for (let i = 0; i < 30; i++) {
    const path = `images/${r.pick(['guide', 'api', 'tutorials', 'blog'])}/${slug(r)}-${i}.png`;
    // Screenshots and diagrams: mostly 20-120 KB, a few large ones.
    const size = Math.round(Math.min(260_000, Math.max(6_000, Math.exp(10.8 + 0.8 * r.normal()))));
    write(join(dir, path), pngLike(r, size, `img${i}`));
    images.push(path);
  }
  write(join(dir, 'assets/css/main.css'), cssText(r, 56_000));
  write(join(dir, 'assets/css/syntax.css'), cssText(r, 9_000));
  write(join(dir, 'assets/css/print.css'), cssText(r, 2_500));
  write(join(dir, 'assets/js/app.js'), jsText(r, 82_000, true));
  write(join(dir, 'assets/js/search.js'), jsText(r, 36_000, true));
  write(join(dir, 'assets/js/vendor/highlight.min.js'), jsText(r, 118_000, true));
  write(join(dir, 'assets/js/copy-code.js'), jsText(r, 3_200, false));

  let pageCount = 0;
  const allSections = DOCS_SECTIONS.map(({ dir: sec, pages }) => ({
    sec,
    pages: Array.from({ length: pages }, (_, i) => {
      if (i === 0) return { path: `${sec}/`, file: `${sec}/index.html`, title: sec.split('/').pop().replace(/^./, (c) => c.toUpperCase()) };
      const file = `${sec}/${slug(r)}-${i}.html`;
      return { path: file, file, title: sentence(r).slice(0, 40).replace(/[.?:]$/, '') };
    }),
  }));
  write(join(dir, 'index.html'), docsPage(r, { title: 'Documentation', section: 'home', siblings: allSections.map((s) => s.pages[0]), images }));
  pageCount++;
  for (const { sec, pages } of allSections) {
    for (const p of pages) {
      write(join(dir, p.file), docsPage(r, { title: p.title, section: sec, siblings: pages, images }));
      pageCount++;
    }
  }
  write(join(dir, '404.html'), docsPage(r, { title: 'Not found', section: 'home', siblings: [], images }));
  return pageCount + 1;
}

/** The documentation site for `worker-size`: ~300 HTML pages in nested folders + assets. */
export function docsSite() {
  return cached('docs-site', { kind: 'docs' }, generateDocsSite);
}

/** A small offline page, identical for every peer that needs one written into its site. */
export const OFFLINE_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Offline · Docs</title>
  <link rel="stylesheet" href="/assets/css/main.css">
</head>
<body>
  <main class="offline">
    <h1>You are offline</h1>
    <p>This page has not been saved on this device yet. Pages you have visited are still available; check your connection and try again.</p>
    <p><a href="/">Go to the home page</a></p>
  </main>
</body>
</html>
`;

// ---------------------------------------------------------------------------------------------
// Large site for `build-manifest`: 10,000 files, ~200 MB, nested folders, mixed types.

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

/** Counts files and bytes under `dir` (for reporting what a row measured). */
export async function dirStats(dir) {
  const { readdir, stat } = await import('node:fs/promises');
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(join(e.parentPath ?? e.path, e.name))).size;
  }
  return { files, bytes };
}
