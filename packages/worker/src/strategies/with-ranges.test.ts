import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { routeContext } from '../testing/route-context.js';
import { testCache } from '../testing/test-cache.js';
import { cacheFirst } from './cache-first.js';
import { withRanges } from './with-ranges.js';

// Runs in a service worker: the Cache API is the browser's, the network is the test server.
const server = testServer();
beforeEach(() => server.reset());

const CLIP = '0123456789';
const clip = { body: CLIP, headers: { 'Content-Type': 'audio/mpeg', ETag: '"v1"' } };
const ask = (path: string, headers: Record<string, string>) => routeContext(new Request(server.url(path), { headers }));

/** A clip route (cache first, with ranges) whose cache already holds `path`. */
const stocked = async (name: string, path: string) => {
  await server.route(path, clip);
  const handler = withRanges(cacheFirst({ cache: testCache(name) }));
  const first = routeContext(new Request(server.url(path)));
  await (await handler(first.ctx)).text();
  await first.settled();
  return handler;
};

test('one range: 206 with Content-Range, cut from the whole file', async () => {
  const handler = await stocked('r-one', '/r/1.mp3');
  const response = await handler(ask('/r/1.mp3', { Range: 'bytes=2-4' }).ctx);
  assert.equal(response.status, 206);
  assert.equal(response.headers.get('Content-Range'), 'bytes 2-4/10');
  assert.equal(response.headers.get('Content-Length'), '3');
  assert.equal(response.headers.get('Content-Type'), 'audio/mpeg');
  assert.equal(await response.text(), '234');
  const tail = await handler(ask('/r/1.mp3', { Range: 'bytes=-3' }).ctx);
  assert.equal(tail.headers.get('Content-Range'), 'bytes 7-9/10');
  assert.equal(await tail.text(), '789');
});

test('past the end: 416 with the size', async () => {
  const handler = await stocked('r-past', '/r/2.mp3');
  const response = await handler(ask('/r/2.mp3', { Range: 'bytes=20-' }).ctx);
  assert.equal(response.status, 416);
  assert.equal(response.headers.get('Content-Range'), 'bytes */10');
});

test('several ranges, or an If-Range that no longer matches: the whole 200', async () => {
  const handler = await stocked('r-whole', '/r/3.mp3');
  const whole: Record<string, string>[] = [{ Range: 'bytes=0-1,4-5' }, { Range: 'bytes=2-4', 'If-Range': '"v0"' }];
  for (const headers of whole) {
    const response = await handler(ask('/r/3.mp3', headers).ctx);
    assert.equal(response.status, 200, JSON.stringify(headers));
    assert.equal(await response.text(), CLIP);
  }
  const matching = await handler(ask('/r/3.mp3', { Range: 'bytes=2-4', 'If-Range': '"v1"' }).ctx);
  assert.equal(matching.status, 206, 'a matching If-Range gets the part');
});

test('a range miss fetches the whole file and keeps the whole 200, never a 206', async () => {
  await server.route('/r/4.mp3', clip);
  const handler = withRanges(cacheFirst({ cache: testCache('r-miss') }));
  const { ctx, settled } = ask('/r/4.mp3', { Range: 'bytes=5-' });
  const response = await handler(ctx);
  assert.equal(response.status, 206);
  assert.equal(await response.text(), '56789');
  await settled();
  const [request] = await server.requests('/r/4.mp3');
  assert.equal(request?.headers.range, undefined, 'the whole file was asked for');
  const kept = await (await caches.open('r-miss')).match(server.url('/r/4.mp3'));
  assert.equal(kept?.status, 200);
  assert.equal(await kept?.text(), CLIP);
});

test("a server's 206 is passed on and never kept as the file", async () => {
  await server.route('/r/5.mp3', { status: 206, body: '56789', headers: { 'Content-Range': 'bytes 5-9/10' } });
  const handler = withRanges(cacheFirst({ cache: testCache('r-partial') }));
  const { ctx, settled } = ask('/r/5.mp3', { Range: 'bytes=5-' });
  const response = await handler(ctx);
  assert.equal(response.status, 206);
  assert.equal(await response.text(), '56789');
  await settled();
  assert.equal(await (await caches.open('r-partial')).match(server.url('/r/5.mp3')), undefined);
});

test('a request without Range reaches the strategy as it is', async () => {
  const handler = await stocked('r-none', '/r/6.mp3');
  const response = await handler(routeContext(new Request(server.url('/r/6.mp3'))).ctx);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), CLIP);
});
