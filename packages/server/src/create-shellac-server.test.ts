import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ANONYMOUS, FILES, HEADER, parseUserTags, PRELOAD_CONTENT, type RequestLike } from '@shellac/protocol';
import { createShellacServer, createUserTagger, ShellacServerError, type IdentityOptions } from './index.js';
import { HASHED_CSS, makeBuildDir } from './testing/build-dir.js';

const build = makeBuildDir();
after(build.cleanup);
const SHELL = '<!doctype html><html><body><main data-shellac-content></main></body></html>';
const shellac = createShellacServer({ buildDir: build.buildDir, shell: () => SHELL });
const at = (path: string, init?: RequestInit) => new Request(`http://example.test${path}`, init);
const handled = async (path: string, init?: RequestInit) => {
  const r = await shellac.handle(at(path, init));
  assert.ok(r, `${path} should be served`);
  return r;
};
const html = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
/** A body that arrives in pieces, as a streaming template engine sends it. */
const chunked = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
const throwsCode = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof ShellacServerError && e.code === code);

describe('createShellacServer', () => {
  test('needs a build folder and a shell, checked at once', () => {
    throwsCode(() => createShellacServer({ buildDir: '', shell: () => '' }), 'options');
    throwsCode(() => createShellacServer({ buildDir: 'build', shell: undefined as unknown as () => string }), 'options');
    throwsCode(() => createShellacServer({ buildDir: 'build', shell: () => '', shellPath: 'shell' }), 'options');
    // Nothing is read yet: a server can be created before the first build.
    assert.doesNotThrow(() => createShellacServer({ buildDir: join(build.root, 'not-built'), shell: () => '' }));
  });

  test('leaves every other URL to the application', async () => {
    for (const path of ['/', '/lesson/3', '/static/css/nope.css', '/static/', '/staticky', '/sw.js/x']) {
      assert.equal(await shellac.handle(at(path)), undefined, path);
    }
    // Other methods under the base stay the application's unless the file exists.
    assert.equal(await shellac.handle(at('/static/upload', { method: 'POST' })), undefined);
    assert.equal((await handled('/static/css/app.css', { method: 'DELETE' })).status, 405);
  });
});

describe('handle: the build files at the root', () => {
  test('sw.js: no-cache, scope /, JavaScript', async () => {
    const r = await handled('/sw.js');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get('service-worker-allowed'), '/');
    assert.equal(r.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await r.text(), /addEventListener/);
  });

  test('the client, its clear fallback, the shell loader and the manifest: no-cache, right types', async () => {
    const types: Record<string, string> = {
      [FILES.client]: 'text/javascript; charset=utf-8',
      // An ES module: a browser refuses one served without a JavaScript type.
      [FILES.clearClient]: 'text/javascript; charset=utf-8',
      [FILES.shellClient]: 'text/javascript; charset=utf-8',
      [FILES.manifest]: 'application/json',
    };
    for (const [name, type] of Object.entries(types)) {
      const r = await handled(`/${name}`);
      assert.equal(r.headers.get('cache-control'), 'no-cache', name);
      assert.equal(r.headers.get('content-type'), type, name);
      assert.equal(r.headers.get('service-worker-allowed'), null, name);
      await r.arrayBuffer();
    }
  });

  test('ETag/304, HEAD without a body, only GET and HEAD', async () => {
    const first = await handled('/sw.js');
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    assert.equal((await handled('/sw.js', { headers: { 'If-None-Match': `"other", W/${etag}` } })).status, 304);
    const head = await handled('/sw.js', { method: 'HEAD' });
    assert.equal(head.body, null);
    assert.equal(head.headers.get('content-length'), String('self.addEventListener("fetch", () => {});'.length));
    const post = await handled('/sw.js', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  test('a missing build file is a 404 that says to build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'shellac-empty-'));
    after(() => rmSync(empty, { recursive: true, force: true }));
    const r = await createShellacServer({ buildDir: empty, shell: () => '' }).handle(at('/sw.js'));
    assert.equal(r?.status, 404);
    assert.match(await r!.text(), /sw\.js is missing.*shellac build --app/);
  });
});

describe('handle: static files under the assets base', () => {
  test('hashed names are immutable for a year; others revalidate', async () => {
    const hashed = await handled(`/static/${HASHED_CSS}`);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(await hashed.text(), 'body{color:red}');
    const plain = await handled('/static/css/app.css');
    assert.equal(plain.headers.get('cache-control'), 'no-cache');
    await plain.arrayBuffer();
    const svg = await handled('/static/img/logo.0a1b2c3d.svg', { method: 'HEAD' });
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.equal(svg.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(svg.body, null);
  });

  test('ETag and 304', async () => {
    const r = await handled('/static/css/app.css');
    await r.arrayBuffer();
    const again = await handled('/static/css/app.css', { headers: { 'If-None-Match': r.headers.get('etag')! } });
    assert.equal(again.status, 304);
    assert.equal(again.body, null);
    assert.equal(again.headers.get('etag'), r.headers.get('etag'));
    assert.equal((await handled('/static/css/app.css', { headers: { 'If-None-Match': '"nope"' } })).status, 200);
  });

  test('refuses paths that leave the build folder and bad encodings', async () => {
    const escape = await handled('/static/..%2f..%2fsecret.txt');
    assert.equal(escape.status, 403);
    assert.doesNotMatch(await escape.text(), /do not serve/);
    assert.equal((await handled('/static/css%2f..%2f..%2f..%2fsecret.txt')).status, 403);
    assert.equal((await handled('/static/%E0%A4%A')).status, 400);
  });

  test('a CDN base is left to the CDN', async () => {
    const cdn = makeBuildDir();
    after(cdn.cleanup);
    writeFileSync(join(cdn.buildDir, FILES.assets), JSON.stringify({ base: 'https://cdn.example/static/', files: { 'css/app.css': HASHED_CSS } }));
    const server = createShellacServer({ buildDir: cdn.buildDir, shell: () => '' });
    assert.equal(await server.handle(at(`/static/${HASHED_CSS}`)), undefined);
    assert.equal(server.asset('css/app.css'), `https://cdn.example/static/${HASHED_CSS}`);
  });
});

describe('handle: the shell', () => {
  const hash = createHash('sha256').update(SHELL).digest('hex').slice(0, 16);

  test('is rendered, versioned by the hash of its bytes, revalidated', async () => {
    const r = await handled('/__shell');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(r.headers.get(HEADER.shell), hash);
    assert.equal(r.headers.get('etag'), `"${hash}"`);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get('vary'), null);
    assert.equal(await r.text(), SHELL);
  });

  test('answers 304 to its ETag, and HEAD without a body', async () => {
    const r = await handled('/__shell', { headers: { 'If-None-Match': `"${hash}"` } });
    assert.equal(r.status, 304);
    assert.equal(r.headers.get(HEADER.shell), hash);
    assert.equal(r.body, null);
    const head = await handled('/__shell', { method: 'HEAD' });
    assert.equal(head.body, null);
    assert.equal(head.headers.get('content-length'), String(SHELL.length));
    assert.equal((await handled('/__shell', { method: 'POST' })).status, 405);
  });

  test('may be a Response (its headers kept) and depend on the request, at a chosen path', async () => {
    const seen: string[] = [];
    const server = createShellacServer({
      buildDir: build.buildDir,
      shellPath: '/app-shell',
      shell: async (request) => {
        seen.push(new URL(request.url).pathname);
        return new Response(SHELL, { headers: { 'Content-Type': 'text/html; charset=utf-8', [HEADER.user]: 'anonymous' } });
      },
    });
    assert.equal(await server.handle(at('/__shell')), undefined);
    const r = await server.handle(at('/app-shell'));
    assert.equal(r?.headers.get(HEADER.user), 'anonymous');
    assert.equal(r?.headers.get(HEADER.shell), hash);
    assert.deepEqual(seen, ['/app-shell']);
  });

  test('an error page is passed on unversioned, so no worker keeps it', async () => {
    const server = createShellacServer({ buildDir: build.buildDir, shell: () => new Response('oops', { status: 500 }) });
    const r = await server.handle(at('/__shell'));
    assert.equal(r?.status, 500);
    assert.equal(r?.headers.get(HEADER.shell), null);
    assert.equal(r?.headers.get('etag'), null);
  });

  test('a shell option that returns something else is a clear error', async () => {
    const server = createShellacServer({ buildDir: build.buildDir, shell: () => 42 as unknown as string });
    await assert.rejects(server.handle(at('/__shell')), (e: unknown) => e instanceof ShellacServerError && e.code === 'shell');
  });
});

describe('contentOnly and layout', () => {
  test('the parameter or the preload header asks for the content alone', () => {
    assert.equal(shellac.contentOnly(at('/lesson/3')), false);
    assert.equal(shellac.contentOnly(at('/lesson/3?from_appshell=1')), true);
    assert.equal(shellac.contentOnly(at('/lesson/3', { headers: { [HEADER.navigationPreload]: PRELOAD_CONTENT } })), true);
    assert.equal(shellac.contentOnly(at('/lesson/3', { headers: { [HEADER.navigationPreload]: 'true' } })), false);
    assert.equal(shellac.layout(at('/lesson/3'), 'base.html', 'empty.html'), 'base.html');
    assert.equal(shellac.layout(at('/lesson/3?from_appshell=1'), 'base.html', 'empty.html'), 'empty.html');
  });

  test('a view binds the helpers to one request', () => {
    const view = shellac.view(at('/lesson/3?from_appshell=1'));
    assert.equal(view.contentOnly, true);
    assert.equal(view.layout('base.html', 'empty.html'), 'empty.html');
    assert.equal(view.asset('css/app.css'), `/static/${HASHED_CSS}`);
  });
});

describe('asset', () => {
  test('gives the hashed URL under the base', () => {
    assert.equal(shellac.asset('css/app.css'), `/static/${HASHED_CSS}`);
    assert.equal(shellac.asset('/img/logo.svg'), '/static/img/logo.0a1b2c3d.svg');
  });

  test('an unknown name names the file, the assets file and the command', () => {
    assert.throws(
      () => shellac.asset('css/missing.css'),
      (e: unknown) => {
        assert.ok(e instanceof ShellacServerError);
        assert.equal(e.code, 'unknown-asset');
        assert.deepEqual(e.details, { name: 'css/missing.css', file: join(build.buildDir, FILES.assets) });
        assert.match(e.message, /css\/missing\.css/);
        assert.match(e.message, /shellac-assets\.json/);
        assert.match(e.message, /shellac build --app/);
        return true;
      },
    );
  });

  test('a missing or broken assets file is no-build, naming the path; a later build is picked up', () => {
    const later = makeBuildDir();
    after(later.cleanup);
    const file = join(later.buildDir, FILES.assets);
    rmSync(file);
    const server = createShellacServer({ buildDir: later.buildDir, shell: () => '' });
    assert.throws(() => server.asset('css/app.css'), (e: unknown) => e instanceof ShellacServerError && e.code === 'no-build' && e.message.includes(file) && e.details.file === file);
    writeFileSync(file, '{ not json');
    throwsCode(() => server.asset('css/app.css'), 'no-build');
    writeFileSync(file, JSON.stringify({ base: '/static/', files: [] }));
    throwsCode(() => server.asset('css/app.css'), 'no-build');
    writeFileSync(file, JSON.stringify({ base: '/static', files: { 'css/app.css': HASHED_CSS } }));
    assert.equal(server.asset('css/app.css'), `/static/${HASHED_CSS}`);
    // Read once: a later change is not seen until restart (the build writes a new server's worth).
    writeFileSync(file, JSON.stringify({ base: '/other/', files: {} }));
    assert.equal(server.asset('css/app.css'), `/static/${HASHED_CSS}`);
  });
});

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

test('a top-level navigation to a content URL is sent to the page; fetches and preloads are not', async () => {
  const server = shellac;
  const nav = await server.handle(new Request('http://x/lessons/3?from_appshell=1&a=b', { headers: { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' } }));
  assert.equal(nav?.status, 302);
  assert.equal(nav?.headers.get('location'), '/lessons/3?a=b');
  assert.equal(await server.handle(new Request('http://x/lessons/3?from_appshell=1', { headers: { 'Sec-Fetch-Dest': 'empty' } })), undefined);
  assert.equal(await server.handle(new Request('http://x/lessons/3?from_appshell=1', { headers: { 'Sec-Fetch-Dest': 'document', 'Service-Worker-Navigation-Preload': 'content' } })), undefined);
});

describe('owns', () => {
  const light = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });
  test('answers exactly for the URLs handle serves, reading the path as a URL parser does', async () => {
    const cases: Array<[string, boolean]> = [
      ['http://x/sw.js', true],
      ['http://x/sw.js?v=2#top', true],
      ['http://x/__shell', true],
      ['http://x/static/css/app.css', true],
      ['http://x/lessons/1', false],
      ['http://x/lessons/1?q=/sw.js', false],
      ['http://x/a/../sw.js', true], // dot segments resolve as the browser would
      ['http://x/%73w.js', false], // an escaped name is another path (as `new URL` keeps it)
      ['http://x/static%2F..%2Fsecret', false],
      ['http://x/a\\..\\sw.js', true], // a backslash is a slash in http URLs
      ['http://x', false],
      ['http://x?from=/sw.js', false],
    ];
    for (const [url, expected] of cases) {
      assert.equal(shellac.owns(light(url)), expected, url);
      // Whatever `owns` claims, `handle` agrees with.
      const served = (await shellac.handle(new Request(url))) !== undefined;
      if (expected) assert.ok(served, `${url} is owned but not served`);
    }
  });

  test('owns a top-level navigation to a content URL (it is redirected), not the preload', () => {
    assert.equal(shellac.owns(light('http://x/lessons/1?from_appshell=1', { 'Sec-Fetch-Dest': 'document' })), true);
    assert.equal(shellac.owns(light('http://x/lessons/1?from%5Fappshell=1', { 'Sec-Fetch-Dest': 'document' })), true);
    assert.equal(shellac.owns(light('http://x/lessons/1?from_appshell=1', { 'Sec-Fetch-Dest': 'document', [HEADER.navigationPreload]: PRELOAD_CONTENT })), false);
    assert.equal(shellac.owns(light('http://x/lessons/1?from_appshell=1', { 'Sec-Fetch-Dest': 'empty' })), false);
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

describe('identity: the X-Shellac-User tag', () => {
  const SECRET = 'a-test-secret-of-32-characters!!';
  const OLD = 'the-previous-secret-0123456789';
  const tagOf = createUserTagger({ secret: SECRET });
  const make = (identity: IdentityOptions) => createShellacServer({ buildDir: build.buildDir, shell: () => SHELL, identity });
  // The session cookie `sid=<user id>`, as an app's session lookup would give it.
  const identify = (request: RequestLike) => /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null;
  const signedIn = (path: string, id: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', `sid=${id}`);
    return at(path, { ...init, headers });
  };
  const json = () => new Response('{}', { headers: { 'Content-Type': 'application/json' } });
  const redirect = () => new Response(null, { status: 303, headers: { Location: '/' } });

  test('identify tags every HTML response, full and content-only, private unless the app said otherwise', async () => {
    const server = make({ secret: SECRET, identify });
    for (const path of ['/lessons/1', '/lessons/1?from_appshell=1']) {
      const r = await server.finish(signedIn(path, '42'), html('<title>x</title>'));
      assert.equal(r.headers.get(HEADER.user), tagOf('42'), path);
      assert.equal(r.headers.get('cache-control'), 'private', path);
      assert.equal(r.headers.get('vary'), HEADER.navigationPreload, path); // Cookie is not added to Vary
    }
    const own = await server.finish(signedIn('/lessons/1', '42'), html('x', { 'Cache-Control': 'no-store' }));
    assert.equal(own.headers.get('cache-control'), 'no-store');
    const nobody = await server.finish(at('/lessons/1'), html('x'));
    assert.equal(nobody.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(nobody.headers.get('cache-control'), null); // an anonymous page may be shared
  });

  test('the view passed to finish carries the request identify reads', async () => {
    const server = make({ secret: SECRET, identify });
    const request = signedIn('/lessons/1', 'bob');
    const r = await server.finish(request, html('x'), server.view(request));
    assert.equal(r.headers.get(HEADER.user), tagOf('bob'));
  });

  test('view.user names the person and wins over identify; null is anonymous; the last call counts', async () => {
    const server = make({ secret: SECRET, identify });
    const request = signedIn('/account?from_appshell=1', 'bob');
    const view = server.view(request);
    view.user('42');
    const r = await server.finish(request, html('<title>Account</title>'), view);
    assert.equal(r.headers.get(HEADER.user), tagOf('42'));
    assert.equal(r.headers.get(HEADER.content), '1');
    assert.equal(r.headers.get('cache-control'), 'private');
    const anon = server.view(request);
    anon.user(null);
    assert.equal((await server.finish(request, html('x'), anon)).headers.get(HEADER.user), ANONYMOUS);
    // Without identify, only the views that say so are tagged.
    const plain = make({ secret: SECRET });
    assert.equal((await plain.finish(at('/lessons/1'), html('x'))).headers.get(HEADER.user), null);
    const marked = plain.view(at('/lessons/1'));
    marked.user(7);
    assert.equal((await plain.finish(at('/lessons/1'), html('x'), marked)).headers.get(HEADER.user), tagOf(7));
  });

  test('never the raw id; rotation sends the tag under each secret, newest first', async () => {
    const server = make({ secret: [SECRET, OLD] });
    const view = server.view(at('/lessons/1'));
    view.user('alice@example.com');
    const r = await server.finish(at('/lessons/1'), html('x'), view);
    const value = r.headers.get(HEADER.user) ?? '';
    assert.doesNotMatch(value, /alice/);
    assert.deepEqual(parseUserTags(value), [tagOf('alice@example.com'), createUserTagger({ secret: OLD })('alice@example.com')]);
    assert.equal(server.userTag('alice@example.com'), value);
  });

  test('non-HTML is untouched, even for a named person', async () => {
    const server = make({ secret: SECRET, identify });
    const view = server.view(signedIn('/api/me', '42'));
    view.user('42');
    const r = await server.finish(signedIn('/api/me', '42'), json(), view);
    assert.equal(r.headers.get(HEADER.user), null);
    assert.equal(r.headers.get('cache-control'), null);
  });

  test('loggedOut: anonymous on any response, a redirect included, and Clear-Site-Data when asked', async () => {
    const server = make({ secret: SECRET, identify });
    const request = signedIn('/logout', '42', { method: 'POST' });
    const view = server.view(request);
    view.user('42');
    view.loggedOut(); // after the session middleware named the person
    const r = await server.finish(request, redirect(), view);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/');
    assert.equal(r.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(r.headers.get('clear-site-data'), null);
    assert.equal(r.headers.get('cache-control'), null);

    const wiping = make({ secret: SECRET, clearSiteData: true });
    const out = wiping.view(request);
    out.loggedOut();
    // An immutable redirect (`Response.redirect`) is copied, not refused.
    const copied = await wiping.finish(request, Response.redirect('http://example.test/', 303), out);
    assert.equal(copied.status, 303);
    assert.equal(copied.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(copied.headers.get('clear-site-data'), '"cache", "storage"');

    const listed = make({ secret: SECRET, clearSiteData: ['cache', 'cookies', 'executionContexts'] });
    const page = listed.view(request);
    page.loggedOut();
    const signedOut = await listed.finish(request, html('<title>Bye</title>'), page);
    assert.equal(signedOut.headers.get('clear-site-data'), '"cache", "cookies", "executionContexts"');
    assert.equal(signedOut.headers.get(HEADER.user), ANONYMOUS);
  });

  test("the app's own X-Shellac-User and Clear-Site-Data are kept", async () => {
    const server = make({ secret: SECRET, identify, clearSiteData: true });
    const r = await server.finish(signedIn('/lessons/1', '42'), html('x', { [HEADER.user]: 'set-by-app' }));
    assert.equal(r.headers.get(HEADER.user), 'set-by-app');
    const view = server.view(at('/logout'));
    view.loggedOut();
    const out = await server.finish(at('/logout'), html('x', { 'Clear-Site-Data': '"cookies"' }), view);
    assert.equal(out.headers.get('clear-site-data'), '"cookies"');
  });

  test('immutable HTML headers are copied with the tag', async () => {
    const server = make({ secret: SECRET, identify });
    const frozen = await fetch('data:text/html;charset=utf-8,<title>x</title>'); // fetch() gives immutable headers
    assert.throws(() => frozen.headers.set('X-Probe', '1'));
    const r = await server.finish(signedIn('/lessons/1', '42'), frozen);
    assert.notEqual(r, frozen);
    assert.equal(r.headers.get(HEADER.user), tagOf('42'));
    assert.equal(r.headers.get('cache-control'), 'private');
  });

  test("Shellac's own files and the shell carry no tag", async () => {
    const server = make({ secret: SECRET, identify });
    for (const path of ['/sw.js', '/__shell', `/static/${HASHED_CSS}`]) {
      const r = await server.handle(signedIn(path, '42'));
      assert.ok(r, path);
      assert.equal(r.headers.get(HEADER.user), null, path);
      await r.arrayBuffer();
    }
  });

  test('without the identity option: no tag, and view.user / userTag say what to set', async () => {
    const r = await shellac.finish(at('/lessons/1'), html('x'));
    assert.equal(r.headers.get(HEADER.user), null);
    assert.equal(r.headers.get('cache-control'), null);
    const view = shellac.view(at('/lessons/1'));
    for (const call of [() => view.user('42'), () => view.loggedOut(), () => shellac.userTag('42')]) {
      assert.throws(call, (e: unknown) => e instanceof ShellacServerError && e.code === 'options' && /`identity` option/.test(e.message));
    }
  });

  test('the identity option is checked at createShellacServer', () => {
    throwsCode(() => make({ secret: 'short' }), 'options');
    throwsCode(() => make({ secret: [SECRET, 'old'] }), 'options');
    throwsCode(() => make({ secret: SECRET, identify: 'sid' as unknown as () => null }), 'options'); // as plain JS could pass it
    throwsCode(() => make({ secret: SECRET, clearSiteData: [] }), 'options');
    throwsCode(() => make({ secret: SECRET, clearSiteData: ['cache', 'everything' as 'cache'] }), 'options'); // as plain JS could pass it
    // The message lists the types (the cast: a wrong case, as plain JS could pass it).
    assert.throws(() => make({ secret: SECRET, clearSiteData: ['Cache' as 'cache'] }), /"executionContexts"/);
    assert.doesNotThrow(() => make({ secret: SECRET, clearSiteData: ['*'] }));
    assert.doesNotThrow(() => make({ secret: SECRET, clearSiteData: false }));
  });

  test('view.user rejects an id that would tag everyone alike', () => {
    const view = make({ secret: SECRET }).view(at('/'));
    throwsCode(() => view.user({ id: 1 } as unknown as string), 'user-id'); // plain JS passing the user object
  });
});

