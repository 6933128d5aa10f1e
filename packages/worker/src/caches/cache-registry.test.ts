import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createMetaStore } from '../core/meta-store.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { fakeClock } from '../testing/fake-clock.js';
import { createCacheRegistry } from './cache-registry.js';

// Runs in a service worker. A full disk is real: the runner lowers the origin's quota in Chromium,
// so writes fail with the browser's own QuotaExceededError.
const server = testServer();
afterEach(() => server.setQuota());

const url = (path: string) => `${location.origin}/${path}`;
const body = (bytes: number) => new Response('x'.repeat(bytes));
const used = async () => (await navigator.storage.estimate()).usage ?? 0;

const registryFor = (scope: string) => {
  const clock = fakeClock();
  const meta = createMetaStore({ cacheName: cacheName({ scope, kind: 'meta' }), base: url(`${scope.slice(1)}__shellac/`) });
  const lines: string[] = [];
  const registry = createCacheRegistry({ scope, meta, now: clock.now, log: (line) => void lines.push(line()) });
  const open = (name: string) => registry.open(cacheName({ scope, kind: 'runtime', name }));
  return { clock, registry, open, lines, name: (name: string) => cacheName({ scope, kind: 'runtime', name }) };
};

test('a full disk frees the least recently used entries across caches, then stores', async () => {
  const { clock, open, name, lines } = registryFor('/quota/');
  const [lessons, clips] = [open('lessons'), open('clips')];
  for (const [cache, key] of [[lessons, 'l1'], [clips, 'c1'], [lessons, 'l2'], [clips, 'c2']] as const) {
    await cache.put(url(key), body(2000));
    clock.advance(1000);
  }
  await lessons.match(url('l1')); // l1 is now the most recently used
  clock.advance(1000);

  await server.setQuota((await used()) + 3000);
  await assert.rejects((await caches.open('unrelated')).put(url('probe'), body(4000)), { name: 'QuotaExceededError' }, 'the disk is full for 4000 bytes');
  await clips.put(url('c3'), body(4000));

  // 4000 bytes plus a fifth of the 8000 held: c1, l2 and c2 (the least recently used) made room.
  assert.deepEqual(await cachedUrls(name('lessons')), ['/l1']);
  assert.deepEqual(await cachedUrls(name('clips')), ['/c3']);
  assert.equal(await clips.match(url('c1')), undefined);
  assert.equal((await (await clips.match(url('c3')))?.text())?.length, 4000);
  assert.deepEqual(lines, ['quota full, freeing 4000 B']);
});

test('when freeing cannot make room, the write fails after one retry', async () => {
  const { open, name, lines } = registryFor('/quota-small/');
  const notes = open('notes');
  await notes.put(url('n1'), body(1000));
  await server.setQuota((await used()) + 2000);
  await assert.rejects(notes.put(url('huge'), body(50_000)), { name: 'QuotaExceededError' });
  assert.deepEqual(lines, ['quota full, freeing 50000 B'], 'asked to free once');
  assert.deepEqual(await cachedUrls(name('notes')), [], 'what could go went');
  assert.equal(await notes.match(url('huge')), undefined);
});

test('drop deletes the caches picked among this scope only, and forgets them', async () => {
  const { registry, open, name } = registryFor('/drop/');
  await open('a').put(url('x'), body(1));
  await caches.open(cacheName({ scope: '/drop/other/', kind: 'runtime', name: 'a' }));
  await caches.open(cacheName({ scope: '/drop/', kind: 'runtime', name: 'b' })); // left by an earlier worker
  const dropped = await registry.drop((c) => c.kind === 'runtime');
  assert.deepEqual(dropped.sort(), [name('a'), name('b')]);
  assert.ok(await caches.has(cacheName({ scope: '/drop/other/', kind: 'runtime', name: 'a' })), 'another scope is never touched');
  assert.equal(await open('a').match(url('x')), undefined);
  await open('a').put(url('y'), body(1));
  assert.deepEqual(await cachedUrls(name('a')), ['/y'], 'the cache opens afresh after a drop');
});

test('a cache still in use after its scope was cleared stays under quota handling; dropped caches are not made again', async () => {
  const { clock, registry, open, name } = registryFor('/quota-cleared/');
  const notes = open('notes'); // held from now on, as a route's handler holds its cache
  await notes.put(url('n1'), body(1000));
  await open('gone').put(url('g1'), body(1000));
  await registry.drop(() => true); // `shellac:clear`
  await notes.put(url('n2'), body(3000));
  clock.advance(1000);

  await server.setQuota((await used()) + 2000);
  await notes.put(url('n3'), body(3000));
  assert.deepEqual(await cachedUrls(name('notes')), ['/n3'], 'n2 made room');
  assert.equal(await caches.has(name('gone')), false);
});
