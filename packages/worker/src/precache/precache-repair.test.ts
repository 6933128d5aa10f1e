import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { deploy, downloads } from '../testing/deploy.js';
import { hashOf } from '../testing/manifest-of.js';
import { at, precacheOf, text } from '../testing/precache-of.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

test('a missing file is put back from the network only when its bytes are the entry’s', async () => {
  await deploy('p12', 'v1', { 'a.js': 'a', 'b.js': 'b' });
  const precache = precacheOf('p12', 'v1');
  await precache.install();
  const cache = await caches.open(cacheName({ scope: '/p12/', kind: 'precache' }));
  await cache.delete(server.url(`/p12/__shellac/h/${await hashOf('a')}`));
  assert.equal(await precache.match(at('p12', 'a.js')), undefined, 'evicted');
  await precache.restore(at('p12', 'a.js'), new Response('not a'));
  assert.equal(await precache.match(at('p12', 'a.js')), undefined, 'wrong bytes are not put back');
  await precache.restore(at('p12', 'a.js'), new Response('a'));
  assert.equal(await text(precache.match(at('p12', 'a.js'))), 'a');
});

test('safe mode: an unreadable record, or most files gone, and a complete install ends it', async () => {
  await deploy('p13', 'v1', { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c' });
  await precacheOf('p13', 'v1').install();
  const cache = await caches.open(cacheName({ scope: '/p13/', kind: 'precache' }));
  for (const body of ['a', 'b']) await cache.delete(server.url(`/p13/__shellac/h/${await hashOf(body)}`));
  const missing = precacheOf('p13', 'v1');
  await missing.ready();
  assert.equal(missing.safeMode, 'files-missing');
  assert.equal(missing.has(at('p13', 'c.js')), false, 'in safe mode nothing is answered from the precache');
  await server.reset();
  await deploy('p13', 'v1', { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c' });
  await missing.install();
  assert.equal(missing.safeMode, undefined);
  assert.equal(await text(missing.match(at('p13', 'a.js'))), 'a');
  assert.deepEqual(await downloads(), ['/p13/a.js', '/p13/b.js'], 'only what was missing');

  await cache.put(server.url('/p13/__shellac/manifest/v1'), new Response('{ not json'));
  const unreadable = precacheOf('p13', 'v1');
  await unreadable.ready();
  assert.equal(unreadable.safeMode, 'manifest-unreadable');
});
