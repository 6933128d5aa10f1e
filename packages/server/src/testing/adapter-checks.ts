// Test support: the checks every adapter must pass against a real server on loopback.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ANONYMOUS, HEADER, PRELOAD_CONTENT, SHELL_PATH } from '@shellac/protocol';
import { createShellacServer } from '../create-shellac-server.js';
import type { ShellacServer } from '../shellac-server.js';
import { createUserTagger } from '../user-tag.js';
import { ACCOUNT_PATH, ACCOUNT_USER, BROKEN_PATH, LOGOUT_PATH, PAGE_PATH, renderShell, TITLE, USER_SECRET } from './app.js';
import { HASHED_CSS, makeBuildDir } from './build-dir.js';
import { CASE_IDENTITY, headerCaseChecks } from './header-cases.js';

/** A fetch relative to the running test server. */
export type Get = (path: string, init?: RequestInit) => Promise<Response>;

/** A server an adapter test started: where it listens and how to stop it. */
export interface Started {
  origin: string;
  close(): Promise<void>;
}

/**
 * Registers the shared tests for one adapter, under its name. `start` mounts the adapter and the test app
 * (testing/app.ts: the page at PAGE_PATH with `Vary: Cookie`, the broken view at BROKEN_PATH,
 * errors answered 500 with `errorText`, and the route at CASE_PATH + name sending
 * `renderCase(view, name)`, testing/header-cases.ts) on 127.0.0.1, port 0. `more` adds the adapter's own tests,
 * given a fetch relative to the server (same lifetime as the shared ones).
 */
export function adapterSuite(name: string, start: (shellac: ShellacServer) => Promise<Started>, more?: (get: Get) => void): void {
  describe(name, () => suite(start, more));
}

function suite(start: (shellac: ShellacServer) => Promise<Started>, more?: (get: Get) => void): void {
  const build = makeBuildDir();
  // With user tags but no `identify`: only views that name their person are tagged.
  const shellac = createShellacServer({ buildDir: build.buildDir, shell: () => renderShell(), identity: CASE_IDENTITY });
  let server: Started | undefined;
  const get: Get = (path, init) => fetch(`${server!.origin}${path}`, init);
  before(async () => {
    server = await start(shellac);
  });
  after(async () => {
    await server?.close();
    build.cleanup();
  });

  test('serves the build files at the root, revalidated, sw.js with scope /', async () => {
    const sw = await get('/sw.js');
    assert.equal(sw.status, 200);
    assert.equal(sw.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(sw.headers.get('cache-control'), 'no-cache');
    assert.equal(sw.headers.get('service-worker-allowed'), '/');
    assert.match(await sw.text(), /addEventListener/);
    for (const path of ['/shellac.js', '/shellac-shell.js', '/shellac-manifest.json']) {
      const r = await get(path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('cache-control'), 'no-cache', path);
      assert.equal(r.headers.get('service-worker-allowed'), null, path);
      await r.arrayBuffer();
    }
    assert.equal((await get('/sw.js', { method: 'POST' })).status, 405);
  });

  test('serves static files under the base: hashed immutable, ETag/304, HEAD, no escape', async () => {
    const hashed = await get(`/static/${HASHED_CSS}`);
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await hashed.text(), 'body{color:red}');
    const plain = await get('/static/css/app.css');
    assert.equal(plain.headers.get('cache-control'), 'no-cache');
    await plain.arrayBuffer();
    const again = await get('/static/css/app.css', { headers: { 'If-None-Match': plain.headers.get('etag')! } });
    assert.equal(again.status, 304);
    const head = await get('/static/img/logo.svg', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'image/svg+xml');
    assert.equal(head.headers.get('content-length'), '41');
    const escape = await get('/static/..%2f..%2fsecret.txt');
    assert.equal(escape.status, 403);
    assert.doesNotMatch(await escape.text(), /do not serve/);
  });

  test('static files answer Range with 206 and an unsatisfiable one with 416', async () => {
    const r = await get('/static/css/app.css', { headers: { Range: 'bytes=5-9' } });
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('content-range'), 'bytes 5-9/15');
    assert.equal(await r.text(), 'color');
    const whole = await get('/static/css/app.css');
    assert.equal(whole.headers.get('accept-ranges'), 'bytes');
    await whole.arrayBuffer();
    const none = await get('/static/css/app.css', { headers: { Range: 'bytes=15-' } });
    assert.equal(none.status, 416);
    assert.equal(none.headers.get('content-range'), 'bytes */15');
    await none.arrayBuffer();
  });

  test('the full page varies on the preload header and is not marked content-only', async () => {
    const r = await get(PAGE_PATH);
    assert.equal(r.headers.get(HEADER.user), null); // its view named nobody
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(r.headers.get('vary'), `Cookie, ${HEADER.navigationPreload}`);
    assert.equal(r.headers.get(HEADER.content), null);
    const html = await r.text();
    assert.match(html, new RegExp(`href="/static/${HASHED_CSS.replace(/\./g, '\\.')}"`));
    assert.match(html, /<main id="content" data-shellac-content><h1>/);
  });

  for (const [how, path, init] of [
    ['?from_appshell=1', `${PAGE_PATH}?from_appshell=1`, {}],
    ['the navigation preload header', PAGE_PATH, { headers: { [HEADER.navigationPreload]: PRELOAD_CONTENT } }],
  ] as const) {
    test(`${how} gives the content-only variant, marked and titled`, async () => {
      const r = await get(path, init);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('vary'), `Cookie, ${HEADER.navigationPreload}`);
      assert.equal(r.headers.get(HEADER.content), '1');
      assert.equal(r.headers.get(HEADER.title), encodeURIComponent(TITLE));
      assert.equal(decodeURIComponent(r.headers.get(HEADER.title)!), TITLE);
      const html = await r.text();
      assert.match(html, /<body><h1>Lesson 3<\/h1>/);
      assert.doesNotMatch(html, /<main/);
    });
  }

  test('the shell is versioned by its hash and answers 304 to its ETag', async () => {
    const r = await get(SHELL_PATH);
    assert.equal(r.status, 200);
    const body = await r.text();
    assert.equal(body, renderShell());
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    assert.equal(r.headers.get(HEADER.shell), hash);
    assert.equal(r.headers.get('etag'), `"${hash}"`);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    const again = await get(SHELL_PATH, { headers: { 'If-None-Match': `"${hash}"` } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get(HEADER.shell), hash);
  });

  test('an unknown asset fails with a message that says what to do', async () => {
    const r = await get(BROKEN_PATH);
    assert.equal(r.status, 500);
    const text = await r.text();
    assert.match(text, /unknown-asset/);
    assert.match(text, /css\/missing\.css/);
    assert.match(text, /shellac-assets\.json/);
    assert.match(text, /shellac build --app/);
  });

  headerCaseChecks(get);
  more?.(get);
}

/**
 * The identity checks every adapter must pass, for the routes each adapter test mounts its own
 * way: ACCOUNT_PATH (the view calls `view.user(ACCOUNT_USER)`) and a POST to LOGOUT_PATH
 * (`view.loggedOut()`, then a 303 to `/`).
 */
export function identityChecks(get: Get): void {
  const tag = createUserTagger({ secret: USER_SECRET })(ACCOUNT_USER);

  for (const [variant, path] of [['full page', ACCOUNT_PATH], ['content-only response', `${ACCOUNT_PATH}?from_appshell=1`]] as const) {
    test(`view.user tags the ${variant}, private, never the raw id`, async () => {
      const r = await get(path);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get(HEADER.user), tag);
      assert.notEqual(tag, ACCOUNT_USER);
      assert.equal(r.headers.get('cache-control'), 'private');
      assert.equal(r.headers.get('vary'), HEADER.navigationPreload);
      assert.equal(r.headers.get(HEADER.content), path.includes('from_appshell') ? '1' : null);
      assert.match(await r.text(), /Your account/);
    });
  }

  test('a loggedOut() redirect (303) says anonymous', async () => {
    const r = await get(LOGOUT_PATH, { method: 'POST', redirect: 'manual' });
    assert.equal(r.status, 303);
    assert.equal(new URL(r.headers.get('location') ?? '', 'http://x').pathname, '/');
    assert.equal(r.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(r.headers.get('cache-control'), null);
    await r.arrayBuffer();
  });

  test("Shellac's own files carry no tag", async () => {
    const r = await get(SHELL_PATH);
    assert.equal(r.headers.get(HEADER.user), null);
    await r.arrayBuffer();
  });
}

/** Stops a node:http server, dropping idle keep-alive sockets left by fetch() so close() returns at once. */
export function closeServer(server: import('node:http').Server): Promise<void> {
  return new Promise((done, fail) => {
    server.close((error) => (error ? fail(error) : done()));
    server.closeAllConnections();
  });
}
