import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanCss, scanHtml } from './scan-html.js';

const page = 'https://example.org/lessons/3';

test('a page lists its images, styles, scripts, media, sources, posters, tracks and icons, each once', () => {
  const { title, urls } = scanHtml(
    `<!doctype html><html><head><title> Ode to
      Joy &amp; more </title><link rel="stylesheet" href="/css/a.css"><link rel="icon" href="/img/logo.svg"><link rel="canonical" href="/lessons/3">
    <script src="/js/lesson.js" defer></script></head><body>
    <img src="sheet.svg" srcset="sheet.svg 1x, sheet@2x.svg 2x"><img src='/img/a.png'>
    <audio controls src="/lessons/3/clip.wav"></audio>
    <video poster="poster.jpg"><source src="film.webm" type="video/webm"><track src="subs.vtt"></video>
    <picture><source srcset="wide.avif 1000w, narrow.avif 500w"><img src=plain.png alt=x></picture>
    <a href="/lessons/4">next</a><img src="/img/a.png">
    </body></html>`,
    page,
  );
  assert.equal(title, 'Ode to Joy & more');
  assert.deepEqual(urls, [
    'https://example.org/css/a.css',
    'https://example.org/img/logo.svg',
    'https://example.org/js/lesson.js',
    'https://example.org/lessons/sheet.svg',
    'https://example.org/lessons/sheet@2x.svg',
    'https://example.org/img/a.png',
    'https://example.org/lessons/3/clip.wav',
    'https://example.org/lessons/poster.jpg',
    'https://example.org/lessons/film.webm',
    'https://example.org/lessons/subs.vtt',
    'https://example.org/lessons/wide.avif',
    'https://example.org/lessons/narrow.avif',
    'https://example.org/lessons/plain.png',
  ]);
});

test('text that only looks like a tag is never taken: comments, scripts, styles, templates', () => {
  const { urls } = scanHtml(
    `<!-- <img src="/commented.png"> --><script>document.write('<img src="/scripted.png">')</script>
     <style>.a{background:url(/styled.png)}</style><template><img src="/templated.png"></template>
     <textarea><img src="/typed.png"></textarea><img src="/real.png">`,
    page,
  );
  assert.deepEqual(urls, ['https://example.org/real.png']);
});

test('entities in attributes are decoded; fragments dropped; other schemes and bad URLs skipped', () => {
  const { urls } = scanHtml(`<img src="/a.png?x=1&amp;y=2#top"><img src="data:image/png;base64,AA"><img src="mailto:a@b"><img src="http://[bad"><img src="/b&#46;png">`, page);
  assert.deepEqual(urls, ['https://example.org/a.png?x=1&y=2', 'https://example.org/b.png']);
});

test('<base> moves resolution; data-shellac-save-also adds URLs from any element', () => {
  const { urls } = scanHtml(`<base href="/static/"><img src="x.png"><button data-shellac-save-also="/offline /lessons/3/notes.pdf">Save</button>`, page);
  assert.deepEqual(urls, ['https://example.org/static/x.png', 'https://example.org/offline', 'https://example.org/lessons/3/notes.pdf']);
});

test('a stylesheet lists its url()s and @imports, resolved against itself, data: URLs aside', () => {
  const css = `@import "base.css"; /* url(/commented.png) */ .a { background: url( '../img/bg.png' ) } @font-face { src: url(/fonts/a.woff2) format("woff2"), url("data:font/woff2;base64,AA") }`;
  assert.deepEqual(scanCss(css, 'https://example.org/css/site.css'), [
    'https://example.org/css/base.css',
    'https://example.org/img/bg.png',
    'https://example.org/fonts/a.woff2',
  ]);
});
