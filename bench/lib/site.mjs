// Deterministic test sites. Same seed, same bytes, on every machine: a seeded PRNG drives every
// choice and nothing reads the clock or Math.random. Sites are generated into
// bench/results/tmp/cache/ and reused while their stamp (parameters + GENERATOR_VERSION) matches.
import { join } from 'node:path';
import { cached, write } from './cached-site.mjs';
import { pngLike } from './png-like.mjs';
import { prng } from './prng.mjs';
import { codeBlock, cssText, jsText, paragraph, sentence, slug, svgText } from './text-generators.mjs';

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
