// The three kinds of site `update-bytes` deploys twice, seeded so every machine gets the same
// bytes (written into the row's scratch folder, well under a second each):
//
// - `sphinx`: a Sphinx build as Django's docs are: ~300 pages in topic folders, `_static/` with
//   Sphinx's stylesheets and scripts (basic.css, pygments.css, the theme's, doctools.js,
//   searchtools.js, a 90 KB jquery.js…), `_images/`, and a ~400 KB `searchindex.js`.
// - `docbook`: a DocBook HTML build as PostgreSQL's docs are: ~1,100 pages in one flat folder,
//   one small `stylesheet.css` and a few SVG figures in `images/`.
// - `handwritten`: a small hand-made site: 12 pages, `css/site.css`, `js/site.js`, a few images.
//
// None has hashed file names, as these generators don't make them. Version 2 of each is the same
// folder with one stylesheet changed (`CHANGED`): a colour and one rule more, as a small design
// fix is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prng, randomBytes } from './prng.mjs';

const WORDS = ('query model field form view template request response middleware cache signal session '
  + 'database index table column transaction migration admin user group permission setting url path '
  + 'static media storage file test client server deploy security release topic reference howto').split(' ');

function write(dir, rel, data) {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), data);
}

/** Prose of about `n` bytes, in paragraphs. */
function prose(r, n) {
  let out = '';
  while (out.length < n) {
    let p = '';
    for (let i = r.int(20, 60); i > 0; i--) p += `${r.pick(WORDS)}${r.next() < 0.1 ? ',' : ''} `;
    out += `<p>${p.trim()}.</p>\n`;
  }
  return out;
}

/** A stylesheet of about `n` bytes: rules made of the site's own words. */
function css(r, n, prefix) {
  let out = `/* ${prefix} */\n`;
  while (out.length < n) {
    out += `${r.pick(['div', 'p', 'a', 'pre', 'table', 'ul', 'h2', 'code'])}.${prefix}-${r.pick(WORDS)}${r.int(0, 99)} {\n  color: #${r.int(0, 0xffffff).toString(16).padStart(6, '0')};\n  margin: ${r.int(0, 30)}px ${r.int(0, 30)}px;\n  ${r.pick(['display: block', 'display: flex', 'font-weight: bold', 'border: 1px solid #ddd', 'line-height: 1.4'])};\n}\n`;
  }
  return out;
}

/** A script of about `n` bytes. */
function js(r, n, name) {
  let out = `/* ${name} */\n"use strict";\n`;
  while (out.length < n) {
    const f = `${r.pick(WORDS)}${r.pick(WORDS)[0].toUpperCase()}${r.int(0, 999)}`;
    out += `function ${f}(${r.pick(WORDS)}, options) {\n  var ${r.pick(WORDS)} = options && options.${r.pick(WORDS)};\n  if (!${r.pick(WORDS)}) return "${r.pick(WORDS)}-${r.int(0, 9999)}";\n  return document.querySelectorAll(".${r.pick(WORDS)}").length + ${r.int(0, 999)};\n}\n`;
  }
  return out;
}

const image = (r, n) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(r, n - 8)]);

function svg(r, n) {
  let out = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">';
  while (out.length < n) out += `<rect x="${r.int(0, 380)}" y="${r.int(0, 280)}" width="${r.int(5, 90)}" height="${r.int(5, 60)}" fill="#${r.int(0, 0xffffff).toString(16).padStart(6, '0')}"/><text x="${r.int(0, 380)}" y="${r.int(0, 280)}">${r.pick(WORDS)}</text>`;
  return `${out}</svg>\n`;
}

function page(title, head, body) {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n${head}</head>\n<body>\n${body}</body>\n</html>\n`;
}

function sphinx(dir) {
  const r = prng(0x5f1a);
  const depthLinks = (depth) => '../'.repeat(depth);
  const styles = ['_static/pygments.css', '_static/basic.css', '_static/djangodocs.css'];
  write(dir, '_static/basic.css', css(r, 15_000, 'basic'));
  write(dir, '_static/pygments.css', css(r, 5_000, 'highlight'));
  write(dir, '_static/djangodocs.css', css(r, 16_000, 'doc'));
  write(dir, '_static/fontawesome.css', css(r, 30_000, 'fa'));
  for (const [name, size] of [['documentation_options.js', 400], ['doctools.js', 4_500], ['sphinx_highlight.js', 5_000], ['searchtools.js', 20_000], ['language_data.js', 10_000], ['jquery.js', 90_000], ['underscore.js', 19_000], ['djangodocs.js', 3_000]]) write(dir, `_static/${name}`, js(r, size, name));
  for (const name of ['file.png', 'minus.png', 'plus.png', 'docicons-note.png', 'docicons-warning.png', 'docicons-philosophy.png', 'docicons-behindscenes.png']) write(dir, `_static/${name}`, image(r, r.int(200, 900)));
  for (let i = 0; i < 40; i++) write(dir, `_images/figure-${i}.png`, image(r, r.int(4_000, 60_000)));
  write(dir, 'searchindex.js', `Search.setIndex(${JSON.stringify({ docnames: Array.from({ length: 300 }, (_, i) => `topic/${i}`), terms: Object.fromEntries(Array.from({ length: 9_000 }, (_, i) => [`${r.pick(WORDS)}${i}`, Array.from({ length: r.int(1, 8) }, () => r.int(0, 299))])) })})`);
  const folders = ['intro', 'topics', 'topics/db', 'topics/http', 'ref', 'ref/models', 'ref/contrib', 'howto', 'howto/deployment', 'releases', 'internals', 'misc'];
  for (let i = 0; i < 300; i++) {
    const folder = folders[i % folders.length];
    const depth = folder.split('/').length;
    const head = styles.map((s) => `<link rel="stylesheet" href="${depthLinks(depth)}${s}">\n`).join('') + `<script src="${depthLinks(depth)}_static/jquery.js"></script>\n`;
    write(dir, `${folder}/page-${i}.html`, page(`Page ${i} | Django documentation`, head, `<div class="document"><h1>${r.pick(WORDS)} ${r.pick(WORDS)}</h1>\n${prose(r, r.int(6_000, 24_000))}</div>\n`));
  }
  for (const name of ['index.html', 'genindex.html', 'search.html', 'py-modindex.html']) {
    write(dir, name, page(name, styles.map((s) => `<link rel="stylesheet" href="${s}">\n`).join(''), `<h1>${name}</h1>\n${prose(r, 8_000)}`));
  }
  return '_static/djangodocs.css';
}

function docbook(dir) {
  const r = prng(0xd0cb);
  write(dir, 'stylesheet.css', css(r, 3_000, 'pg'));
  for (let i = 0; i < 30; i++) write(dir, `images/figure-${i}.svg`, svg(r, r.int(2_000, 12_000)));
  const sections = ['tutorial', 'sql', 'datatype', 'functions', 'indexes', 'mvcc', 'runtime-config', 'auth', 'backup', 'wal', 'plpgsql', 'catalog', 'protocol', 'release'];
  for (let i = 0; i < 1_100; i++) {
    const name = `${sections[i % sections.length]}-${r.pick(WORDS)}-${i}.html`;
    write(dir, name, page(`PostgreSQL: Documentation: ${i}`, '<link rel="stylesheet" type="text/css" href="stylesheet.css">\n', `<div class="sect1"><h2>${r.pick(WORDS)}</h2>\n${prose(r, r.int(2_000, 20_000))}</div>\n`));
  }
  write(dir, 'index.html', page('PostgreSQL Documentation', '<link rel="stylesheet" type="text/css" href="stylesheet.css">\n', prose(r, 6_000)));
  return 'stylesheet.css';
}

function handwritten(dir) {
  const r = prng(0x4a9d);
  write(dir, 'css/site.css', css(r, 9_000, 'site'));
  write(dir, 'js/site.js', js(r, 4_000, 'site.js'));
  for (let i = 0; i < 8; i++) write(dir, `img/photo-${i}.png`, image(r, r.int(20_000, 90_000)));
  write(dir, 'img/logo.svg', svg(r, 3_000));
  const head = (depth) => `<link rel="stylesheet" href="${'../'.repeat(depth)}css/site.css">\n<script src="${'../'.repeat(depth)}js/site.js" defer></script>\n`;
  for (const name of ['index', 'about', 'contact', 'services', 'gallery']) write(dir, `${name}.html`, page(name, head(0), `<h1>${name}</h1>\n${prose(r, 5_000)}`));
  for (let i = 0; i < 7; i++) write(dir, `blog/post-${i}.html`, page(`post ${i}`, head(1), `<article>${prose(r, 9_000)}</article>\n`));
  return 'css/site.css';
}

/** The site kinds, each `(dir) => changed stylesheet's path`. */
export const UPDATE_SITES = { sphinx, docbook, handwritten };

/**
 * Version 2 of a site already copied into `dir`: the stylesheet `rel` with one colour changed
 * and one rule added. Returns `{ rel, size }` (its new raw size).
 */
export function changeStylesheet(dir, rel) {
  const path = join(dir, rel);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(/color: #[0-9a-f]{6}/, 'color: #1a7f37') + '.admonition.note {\n  border-left: 3px solid #1a7f37;\n  padding: 0 12px;\n}\n';
  if (after === before) throw new Error(`${rel}: the change left it as it was`);
  writeFileSync(path, after);
  return { rel, size: Buffer.byteLength(after) };
}
