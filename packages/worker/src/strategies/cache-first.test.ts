import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import type { RouteContext } from '../route-context.js';
import { createRuntimeCache } from '../runtime-cache.js';
import { cacheFirst } from './cache-first.js';

// Runs in a service worker: the Cache API is the browser's, the network is the test server.
const server = testServer();
beforeEach(() => server.reset());

/** A route context for `path` whose background work (the cache write) can be awaited. */
const contextFor = (path: string) => {
  const request = new Request(server.url(path));
  const background: Promise<unknown>[] = [];
  const ctx: RouteContext = { request, url: new URL(request.url), params: {}, waitUntil: (p) => void background.push(p), log: () => {} };
  return { ctx, settled: () => Promise.all(background) };
};

const lessons = (name: string) => createRuntimeCache({ name, meta: () => caches.open(`${name}:meta`), metaKey: name });

test('a miss goes to the network and is kept; a hit asks the network nothing', async () => {
  await server.route('/lessons/1', { body: 'lesson one', headers: { 'Cache-Control': 'max-age=60' } });
  const handler = cacheFirst({ cache: lessons('miss-then-hit') });

  const miss = contextFor('/lessons/1');
  assert.equal(await (await handler(miss.ctx)).text(), 'lesson one');
  await miss.settled();
  assert.equal((await server.requests('/lessons/1')).length, 1);
  const stored = await (await caches.open('miss-then-hit')).match(server.url('/lessons/1'));
  assert.equal(await stored?.text(), 'lesson one');

  const hit = contextFor('/lessons/1');
  assert.equal(await (await handler(hit.ctx)).text(), 'lesson one');
  assert.equal((await server.requests('/lessons/1')).length, 1);
});

test('offline, a kept response still answers and a miss rejects', async () => {
  await server.route('/lessons/2', [{ body: 'lesson two' }, { fail: 'reset' }]);
  await server.route('/lessons/3', { fail: 'reset' });
  const handler = cacheFirst({ cache: lessons('offline') });
  const first = contextFor('/lessons/2');
  await (await handler(first.ctx)).text();
  await first.settled();

  assert.equal(await (await handler(contextFor('/lessons/2').ctx)).text(), 'lesson two');
  await assert.rejects(handler(contextFor('/lessons/3').ctx), TypeError);
  assert.deepEqual((await server.requests()).map((r) => r.path), ['/lessons/2', '/lessons/3']);
});
