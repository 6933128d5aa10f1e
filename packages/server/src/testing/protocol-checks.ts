// Test support: the protocol's conformance set, black-box over HTTP: a server on loopback
// serving the test app (testing/app.ts: PAGE_PATH, ACCOUNT_PATH, POST LOGOUT_PATH, the case
// route, a build at the root) must pass every test here, whatever it runs on. Run against each
// Node adapter (adapter-checks.ts) and against django_shellac (packages/django/conformance).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { ANONYMOUS, HEADER, PRELOAD_CONTENT, SHELL_PATH } from '@shellac/protocol';
import { createUserTagger } from '../user-tag.js';
import { ACCOUNT_PATH, ACCOUNT_USER, LOGOUT_PATH, PAGE_PATH, renderShell, TITLE, USER_SECRET } from './app.js';
import { headerCaseChecks, PROTOCOL_CASES } from './header-cases.js';

/** A fetch relative to the running server. */
export type Get = (path: string, init?: RequestInit) => Promise<Response>;

/** Registers the conformance tests; `get` fetches from the server under test. */
export function protocolChecks(get: Get): void {
  buildFileChecks(get);
  contentChecks(get);
  shellChecks(get);
  headerCaseChecks(get, PROTOCOL_CASES);
  identityChecks(get);
}

/** The build's files at the root (`/sw.js`, the client scripts, the manifest). */
function buildFileChecks(get: Get): void {
  test('serves the build files at the root, revalidated, sw.js with scope /', async () => {
    const sw = await get('/sw.js');
    assert.equal(sw.status, 200);
    assert.equal(sw.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(sw.headers.get('cache-control'), 'no-cache');
    assert.equal(sw.headers.get('service-worker-allowed'), '/');
    assert.ok((await sw.text()).length > 0);
    for (const path of ['/shellac.js', '/shellac-shell.js', '/shellac-manifest.json']) {
      const r = await get(path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('cache-control'), 'no-cache', path);
      assert.equal(r.headers.get('service-worker-allowed'), null, path);
      assert.equal(r.headers.get(HEADER.user), null, path);
      await r.arrayBuffer();
    }
    assert.equal((await get('/sw.js', { method: 'POST' })).status, 405);
  });
}

/** The full page and its content-only variant (`?from_appshell=1`, the navigation preload). */
function contentChecks(get: Get): void {
  test('the full page varies on the preload header and is not marked content-only', async () => {
    const r = await get(PAGE_PATH);
    assert.equal(r.headers.get(HEADER.user), null); // its view named nobody
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(r.headers.get('vary'), `Cookie, ${HEADER.navigationPreload}`);
    assert.equal(r.headers.get(HEADER.content), null);
    assert.match(await r.text(), /<main id="content" data-shellac-content><h1>/);
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
      const html = await r.text();
      assert.match(html, /<body><h1>Lesson 3<\/h1>/);
      assert.doesNotMatch(html, /<main/);
    });
  }

  test('a content URL opened as a page is sent to the page; the preload and the loader get the content', async () => {
    const opened = await get(`${PAGE_PATH}?from_appshell=1`, { headers: { 'Sec-Fetch-Dest': 'document' }, redirect: 'manual' });
    assert.equal(opened.status, 302);
    assert.equal(opened.headers.get('location'), PAGE_PATH);
    assert.equal(opened.headers.get('vary'), HEADER.navigationPreload);
    await opened.arrayBuffer();
    const preload = await get(`${PAGE_PATH}?from_appshell=1`, { headers: { 'Sec-Fetch-Dest': 'document', [HEADER.navigationPreload]: PRELOAD_CONTENT } });
    assert.equal(preload.headers.get(HEADER.content), '1');
    await preload.arrayBuffer();
    const loader = await get(`${PAGE_PATH}?from_appshell=1`, { headers: { 'Sec-Fetch-Dest': 'empty' } });
    assert.equal(loader.headers.get(HEADER.content), '1');
    await loader.arrayBuffer();
  });
}

/** The app shell at SHELL_PATH. */
function shellChecks(get: Get): void {
  test('the shell is versioned by its hash and answers 304 to its ETag', async () => {
    const r = await get(SHELL_PATH);
    assert.equal(r.status, 200);
    const body = await r.text();
    assert.equal(body, renderShell());
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    assert.equal(r.headers.get(HEADER.shell), hash);
    assert.equal(r.headers.get('etag'), `"${hash}"`);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get(HEADER.user), null);
    const again = await get(SHELL_PATH, { headers: { 'If-None-Match': `"${hash}"` } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get(HEADER.shell), hash);
  });
}

/**
 * The identity checks: ACCOUNT_PATH (the view names ACCOUNT_USER) and a POST to LOGOUT_PATH
 * (marked as a logout, then a 303 to `/`).
 */
function identityChecks(get: Get): void {
  const tag = createUserTagger({ secret: USER_SECRET })(ACCOUNT_USER);

  for (const [variant, path] of [['full page', ACCOUNT_PATH], ['content-only response', `${ACCOUNT_PATH}?from_appshell=1`]] as const) {
    test(`the view's person tags the ${variant}, private, never the raw id`, async () => {
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

  test('a logout redirect (303) says anonymous', async () => {
    const r = await get(LOGOUT_PATH, { method: 'POST', redirect: 'manual' });
    assert.equal(r.status, 303);
    assert.equal(new URL(r.headers.get('location') ?? '', 'http://x').pathname, '/');
    assert.equal(r.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(r.headers.get('cache-control'), null);
    await r.arrayBuffer();
  });
}
