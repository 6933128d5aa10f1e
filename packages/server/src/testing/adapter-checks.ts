// Test support: the checks every adapter must pass against a real server on loopback: the
// protocol's conformance set (protocol-checks.ts, which django_shellac passes too), and the
// Node server's own (the static folder it serves, asset(), the Node-only header case).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createShellacServer } from '../create-shellac-server.js';
import type { ShellacServer } from '../shellac-server.js';
import { BROKEN_PATH, PAGE_PATH, renderShell } from './app.js';
import { HASHED_CSS, makeBuildDir } from './build-dir.js';
import { CASE_IDENTITY, headerCaseChecks, NODE_ONLY_CASES } from './header-cases.js';
import { protocolChecks, type Get } from './protocol-checks.js';

export type { Get } from './protocol-checks.js';

/** A server an adapter test started: where it listens and how to stop it. */
export interface Started {
  origin: string;
  close(): Promise<void>;
}

/**
 * Registers the shared tests for one adapter, under its name. `start` mounts the adapter and the test app
 * (testing/app.ts: the page at PAGE_PATH with `Vary: Cookie`, the account page at ACCOUNT_PATH,
 * a POST to LOGOUT_PATH, the broken view at BROKEN_PATH, errors answered 500 with `errorText`,
 * and the route at CASE_PATH + name sending `renderCase(view, name)`, testing/header-cases.ts)
 * on 127.0.0.1, port 0. `more` adds the adapter's own tests,
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

  protocolChecks(get);
  staticFileChecks(get);
  headerCaseChecks(get, NODE_ONLY_CASES);
  more?.(get);
}

/** The Node server's own: the static folder under its base, and asset(). */
function staticFileChecks(get: Get): void {
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

  test('the full page links the hashed stylesheet asset() gave', async () => {
    const html = await (await get(PAGE_PATH)).text();
    assert.match(html, new RegExp(`href="/static/${HASHED_CSS.replace(/\./g, '\\.')}"`));
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
}

/** Stops a node:http server, dropping idle keep-alive sockets left by fetch() so close() returns at once. */
export function closeServer(server: import('node:http').Server): Promise<void> {
  return new Promise((done, fail) => {
    server.close((error) => (error ? fail(error) : done()));
    server.closeAllConnections();
  });
}
