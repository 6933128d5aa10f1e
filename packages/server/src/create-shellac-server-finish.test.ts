import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HEADER } from '@shellac/protocol';
import { chunked, html } from './testing/html-response.js';
import { at, shellac } from './testing/shellac.js';

describe('finish', () => {
  const full = at('/lesson/3');
  const content = at('/lesson/3?from_appshell=1');

  test('leaves non-HTML alone, body unread', async () => {
    const json = new Response('{"a":1}', { headers: { 'Content-Type': 'application/json' } });
    assert.equal(await shellac.finish(content, json), json);
    assert.equal(json.bodyUsed, false);
  });

  test('adds Vary to HTML, merged with the application’s, once', async () => {
    assert.equal((await shellac.finish(full, html('<p>x</p>'))).headers.get('vary'), HEADER.navigationPreload);
    assert.equal((await shellac.finish(full, html('<p>x</p>', { Vary: 'Accept-Encoding' }))).headers.get('vary'), `Accept-Encoding, ${HEADER.navigationPreload}`);
    assert.equal((await shellac.finish(full, html('<p>x</p>', { Vary: 'service-worker-navigation-preload' }))).headers.get('vary'), 'service-worker-navigation-preload');
    assert.equal((await shellac.finish(full, html('<p>x</p>', { Vary: '*' }))).headers.get('vary'), '*');
    const twice = await shellac.finish(full, await shellac.finish(full, html('<p>x</p>')));
    assert.equal(twice.headers.get('vary'), HEADER.navigationPreload);
    const page = await shellac.finish(full, html('<title>T</title><p>x</p>', { 'X-Custom': 'kept' }));
    assert.equal(page.headers.get(HEADER.content), null);
    assert.equal(page.headers.get(HEADER.title), null);
    assert.equal(page.headers.get('x-custom'), 'kept');
    assert.equal(await page.text(), '<title>T</title><p>x</p>');
  });

  test('marks content-only HTML and takes the title from the body', async () => {
    const body = '<!doctype html><html><head><title>\n  Lesson 3 &ndash; Scales &amp; Modes &#x1F3B5;\n</title></head><body><h1>x</h1></body></html>';
    const r = await shellac.finish(content, html(body, { Vary: 'Cookie' }));
    assert.equal(r.headers.get('vary'), `Cookie, ${HEADER.navigationPreload}`);
    assert.equal(r.headers.get(HEADER.content), '1');
    assert.equal(decodeURIComponent(r.headers.get(HEADER.title)!), 'Lesson 3 – Scales & Modes 🎵');
    assert.equal(await r.text(), body);
  });

  test('finds a title split across chunks and passes the rest through', async () => {
    const r = await shellac.finish(content, html(chunked('<html><head><ti', 'tle>Caf', '\u00e9</title></head>', '<body>rest</body></html>')));
    assert.equal(r.headers.get(HEADER.title), encodeURIComponent('Café'));
    assert.equal(await r.text(), '<html><head><title>Café</title></head><body>rest</body></html>');
  });

  test('keeps a title the application set, and sets none when the page has none', async () => {
    const set = await shellac.finish(content, html('<title>Body</title>', { [HEADER.title]: 'App%20title' }));
    assert.equal(set.headers.get(HEADER.title), 'App%20title');
    const none = await shellac.finish(content, html('<html><head></head><body><title>svg</title></body></html>'));
    assert.equal(none.headers.get(HEADER.content), '1');
    assert.equal(none.headers.get(HEADER.title), null);
  });

  test('reads no further than the scan limit looking for a title', async () => {
    const filler = `<head><meta name="x" content="${'a'.repeat(70 * 1024)}">`;
    const r = await shellac.finish(content, html(chunked(filler, '<title>Late</title></head><body></body>')));
    assert.equal(r.headers.get(HEADER.title), null);
    assert.equal((await r.text()).length, filler.length + '<title>Late</title></head><body></body>'.length);
  });

  test('keeps status and handles bodiless responses', async () => {
    const notFound = await shellac.finish(content, new Response('<title>Missing</title>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    assert.equal(notFound.status, 404);
    assert.equal(notFound.headers.get(HEADER.title), 'Missing');
    const notModified = await shellac.finish(content, new Response(null, { status: 304, headers: { 'Content-Type': 'text/html' } }));
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.get(HEADER.content), '1');
  });
});

describe('content', () => {
  test('renders the standard content-only document, finished', async () => {
    const r = shellac.content(at('/lesson/3?from_appshell=1'), {
      title: 'Lesson 3 – <Songbook>',
      head: '<meta name="description" content="Scales">',
      body: '<h1>Lesson 3</h1>',
      headers: { Vary: 'Cookie', [HEADER.user]: 'anonymous' },
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(r.headers.get('vary'), `Cookie, ${HEADER.navigationPreload}`);
    assert.equal(r.headers.get(HEADER.content), '1');
    assert.equal(r.headers.get(HEADER.title), encodeURIComponent('Lesson 3 – <Songbook>'));
    assert.equal(r.headers.get(HEADER.user), 'anonymous');
    assert.equal(
      await r.text(),
      '<!doctype html><html><head><title>Lesson 3 – &lt;Songbook&gt;</title><meta name="description" content="Scales"></head><body><h1>Lesson 3</h1></body></html>',
    );
  });

  test('takes a status, and answers HEAD without a body', () => {
    const r = shellac.content(at('/gone?from_appshell=1', { method: 'HEAD' }), { title: 'Gone', body: '<p>Gone</p>', status: 410 });
    assert.equal(r.status, 410);
    assert.equal(r.body, null);
  });
});

describe('finish with the view: the title from layout', () => {
  // A body that fails when read: finishing must not read it once the layout knows the title.
  const unreadable = () => new ReadableStream<Uint8Array>({ pull: () => { throw new Error('body was read'); } });
  const content = '<!doctype html><html><head><title>Scales &amp; modes</title></head><body><p>x</p></body></html>';

  test('a string content document names its title without the body being read', async () => {
    const request = at('/lessons/1?from_appshell=1');
    const view = shellac.view(request);
    assert.equal(view.layout('full', content), content);
    const r = await shellac.finish(request, html(unreadable()), view);
    assert.equal(r.headers.get(HEADER.content), '1');
    assert.equal(decodeURIComponent(r.headers.get(HEADER.title) ?? ''), 'Scales & modes');
  });

  test('a renderer function is wrapped: its string result names the title', async () => {
    const request = at('/lessons/1?from_appshell=1');
    const view = shellac.view(request);
    const render = view.layout(() => 'full', (name: string) => content.replace('<p>x</p>', `<p>${name}</p>`));
    assert.match(render('bob'), /<p>bob<\/p>/);
    const r = await shellac.finish(request, html(unreadable()), view);
    assert.equal(decodeURIComponent(r.headers.get(HEADER.title) ?? ''), 'Scales & modes');
  });

  test('a fragment without a title notes nothing: the body it ends up in is read', async () => {
    const request = at('/lessons/1?from_appshell=1');
    const view = shellac.view(request);
    const fragment = view.layout('full', '<p>no head</p>');
    const r = await shellac.finish(request, html(`<html><head><title>Wrapped</title></head><body>${fragment}</body></html>`), view);
    assert.equal(r.headers.get(HEADER.title), 'Wrapped');
    const fullView = shellac.view(at('/lessons/1'));
    assert.equal(fullView.layout('full', content), 'full');
  });

  test('without a noted title the body is still read for it', async () => {
    const request = at('/lessons/1?from_appshell=1');
    const view = shellac.view(request);
    view.layout('lesson', 'lesson-content'); // template names, as with res.render
    const r = await shellac.finish(request, html(content), view);
    assert.equal(decodeURIComponent(r.headers.get(HEADER.title) ?? ''), 'Scales & modes');
    assert.equal(await r.text(), content);
  });
});
