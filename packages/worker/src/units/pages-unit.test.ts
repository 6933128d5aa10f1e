import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { MESSAGE } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { cacheable } from '../caches/cacheable.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { testCache } from '../testing/test-cache.js';
import { pagesUnit, type PagesUnitOptions } from './pages-unit.js';

// Runs in a service worker: pages come from the test server into the browser's cache.
const server = testServer();
beforeEach(() => server.reset());

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** The pages unit of scope `/<dir>/`, its cache named `<dir>`, and its `shellac:cache-urls` handler. */
const setup = (dir: string, options: Partial<PagesUnitOptions> = {}) => {
  const unit = pagesUnit({ cache: testCache(dir), cacheable: cacheable(), timeoutSeconds: 3, scope: new URL(server.url(`/${dir}/`)), skip: () => false, ...options });
  return (urls: string[]) => unit.messages?.[MESSAGE.cacheUrls]?.({ type: MESSAGE.cacheUrls, urls });
};

test('pages loaded before the worker took control are fetched again and kept', async () => {
  await server.route('/pu1/first', { body: '<p>first</p>', headers: HTML });
  await server.route('/pu1/style.css', { body: 'b{}', headers: { 'Content-Type': 'text/css' } });
  await server.route('/pu1/gone', { status: 404, body: 'no', headers: HTML });
  const keep = setup('pu1', { skip: (url) => url.pathname === '/pu1/precached' });
  await keep([server.url('/pu1/first'), 'style.css', server.url('/pu1/gone'), server.url('/pu1/precached'), server.url('/elsewhere/page')]);
  assert.deepEqual(await cachedUrls('pu1'), ['/pu1/first'], 'HTML pages only, 200 only');
  assert.deepEqual((await server.requests()).map((r) => r.path).sort(), ['/pu1/first', '/pu1/gone', '/pu1/style.css'], 'neither out of scope nor precached pages are asked for');
});

test('under the app shell, what is kept is the page’s content, under its content URL', async () => {
  await server.route('/pu2/lesson', { body: 'content', headers: { ...HTML, 'X-Shellac-Content': '1' } });
  await server.route('/pu2/full', { body: 'page', headers: HTML });
  const contentKey = (url: URL) => new URL(`${url.href}?from_appshell=1`);
  const keep = setup('pu2', { keyFor: (url) => (url.pathname.endsWith('lesson') ? contentKey(url) : undefined) });
  await keep([server.url('/pu2/lesson'), server.url('/pu2/full')]);
  assert.deepEqual(await cachedUrls('pu2'), ['/pu2/full', '/pu2/lesson?from_appshell=1']);
  assert.deepEqual((await server.requests('/pu2/lesson')).map((r) => r.path), ['/pu2/lesson?from_appshell=1']);
});

test('a content response is never kept under a page URL', async () => {
  await server.route('/pu3/lesson', { body: 'content only', headers: { ...HTML, 'X-Shellac-Content': '1' } });
  await setup('pu3')([server.url('/pu3/lesson')]);
  assert.deepEqual(await cachedUrls('pu3'), []);
});
