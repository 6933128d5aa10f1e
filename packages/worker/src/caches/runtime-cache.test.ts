import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMetaStore, type MetaStore } from '../core/meta-store.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { fakeClock } from '../testing/fake-clock.js';
import { createRuntimeCache } from './runtime-cache.js';
import type { CacheLimits } from './select-evictions.js';

// Runs in a service worker, on the browser's Cache API; time is a fake clock, moved by hand.
const meta = createMetaStore({ cacheName: 'runtime-test:meta', base: `${location.origin}/__meta/` });
const url = (path: string) => `${location.origin}/${path}`;
const body = (bytes: number) => new Response('x'.repeat(bytes));

/** A cache of its own per test, on a fake clock; `writes` counts the meta store's writes. */
const setup = (name: string, limits: CacheLimits) => {
  const clock = fakeClock();
  const counted = { writes: 0 };
  const store: MetaStore = { ...meta, put: (key, value) => (counted.writes++, meta.put(key, value)) };
  const open = () => createRuntimeCache({ name, limits, meta: store, metaKey: name, now: clock.now });
  return { clock, counted, cache: open(), restart: open, record: () => meta.get(name) };
};

test('maxEntries keeps the most recently used; a hit counts as a use but writes nothing', async () => {
  const { clock, counted, cache, record } = setup('lru', { maxEntries: 2 });
  await cache.put(url('a'), new Response('a'));
  clock.advance(1000);
  await cache.put(url('b'), new Response('b'));
  clock.advance(1000);
  const before = { writes: counted.writes, record: await record() };
  assert.equal(await (await cache.match(url('a')))?.text(), 'a');
  assert.equal(await (await cache.match(new Request(url('a'))))?.text(), 'a', 'a Request finds what a URL stored');
  assert.deepEqual({ writes: counted.writes, record: await record() }, before, 'hits leave the stored index alone');

  clock.advance(1000);
  await cache.put(url('c'), new Response('c'));
  assert.deepEqual(await cachedUrls('lru'), ['/a', '/c'], 'b, used least recently, made room; a was used after b');
  assert.equal(await cache.match(url('b')), undefined);
});

test('recency survives a restart up to the last store', async () => {
  const { clock, cache, restart } = setup('lru-restart', { maxEntries: 3 });
  for (const name of ['a', 'b']) await cache.put(url(name), new Response(name)), clock.advance(1000);
  await cache.match(url('a'));
  clock.advance(1000);
  await cache.put(url('c'), new Response('c')); // stores the index, with a's hit
  clock.advance(1000);
  await restart().put(url('d'), new Response('d'));
  assert.deepEqual(await cachedUrls('lru-restart'), ['/a', '/c', '/d']);
});

test('maxAgeSeconds: an entry older than the limit is neither served nor kept', async () => {
  const { clock, cache, record } = setup('max-age', { maxAgeSeconds: 60 });
  await cache.put(url('old'), new Response('old'));
  clock.advance(30_000);
  await cache.put(url('young'), new Response('young'));
  clock.advance(30_000);
  assert.equal(await (await cache.match(url('old')))?.text(), 'old', 'exactly 60 s old is still fresh');
  clock.advance(1);
  assert.equal(await cache.match(url('old')), undefined);
  assert.deepEqual(await cachedUrls('max-age'), ['/young']);
  assert.deepEqual(Object.keys((await record()) as object), [url('young')]);
  assert.equal(await (await cache.match(url('young')))?.text(), 'young', 'age counts from storing, not from the last use');
});

test('maxBytes evicts the least recently used until the bytes fit', async () => {
  const { clock, cache } = setup('max-bytes', { maxBytes: 250 });
  await cache.put(url('a'), body(100));
  clock.advance(1000);
  await cache.put(url('b'), body(100));
  clock.advance(1000);
  await cache.match(url('a'));
  clock.advance(1000);
  await cache.put(url('c'), body(100));
  assert.deepEqual(await cachedUrls('max-bytes'), ['/a', '/c']);
  clock.advance(1000);
  await cache.put(url('d'), body(200));
  assert.deepEqual(await cachedUrls('max-bytes'), ['/d'], 'a and c go for d: 200 bytes leave room for none of them');
});

test('the stored copy is the whole body, readable as often as asked', async () => {
  const { cache } = setup('copies', {});
  await cache.put(url('page'), new Response('<p>page</p>', { headers: { 'Content-Type': 'text/html' } }));
  for (let i = 0; i < 2; i++) {
    const hit = await cache.match(url('page'));
    assert.equal(hit?.headers.get('Content-Type'), 'text/html');
    assert.equal(await hit?.text(), '<p>page</p>');
  }
  await cache.put(url('empty'), new Response(null, { status: 204 }));
  assert.equal((await cache.match(url('empty')))?.status, 204);
});
