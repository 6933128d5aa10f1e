import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { deploy, downloads } from '../testing/deploy.js';
import { hashOf } from '../testing/manifest-of.js';
import { at, precacheOf, text } from '../testing/precache-of.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

test('a second version downloads only the hashes it does not hold', async () => {
  await deploy('p6', 'v1', { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c one' });
  await precacheOf('p6', 'v1').install();
  await server.reset();
  await deploy('p6', 'v2', { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c two', 'd.js': 'd' });
  const report = await precacheOf('p6', 'v2').install();
  assert.deepEqual(report, { downloaded: 2, reused: 2, bytes: 5 + 1, packed: 0 });
  assert.deepEqual(await downloads(), ['/p6/c.js', '/p6/d.js']);
});

test('a renamed file with the same bytes is not downloaded again', async () => {
  await deploy('p7', 'v1', { 'app.abc.js': 'same bytes' });
  await precacheOf('p7', 'v1').install();
  await server.reset();
  await deploy('p7', 'v2', { 'app.def.js': 'same bytes' });
  const v2 = precacheOf('p7', 'v2');
  assert.deepEqual(await v2.install(), { downloaded: 0, reused: 1, bytes: 0, packed: 0 });
  assert.equal(await text(v2.match(at('p7', 'app.def.js'))), 'same bytes');
});

test('activation deletes the bodies and manifests no version in use references', async () => {
  await deploy('p8', 'v1', { 'a.js': 'a', 'old.js': 'old' });
  await precacheOf('p8', 'v1').install();
  await server.reset();
  await deploy('p8', 'v2', { 'a.js': 'a', 'new.js': 'new' });
  const v2 = precacheOf('p8', 'v2');
  await v2.install();
  const name = cacheName({ scope: '/p8/', kind: 'precache' });
  assert.equal((await cachedUrls(name)).length, 5, 'both manifests and three bodies before activation');

  await v2.prune([]); // no open page is on v1
  const hashes = await Promise.all(['a', 'new'].map(hashOf));
  assert.deepEqual(await cachedUrls(name), [...hashes.map((h) => `/p8/__shellac/h/${h}`), '/p8/__shellac/manifest/v2'].sort());
  assert.equal(await text(v2.match(at('p8', 'new.js'))), 'new');
  const v1Again = precacheOf('p8', 'v1');
  await v1Again.ready();
  assert.equal(v1Again.has(at('p8', 'a.js')), false, 'v1 is gone once v2 took over');
});

test('a page stays on the version it loaded with until it closes; then that version goes', async () => {
  await deploy('p11', 'v1', { 'app.js': 'v1 app', 'chunk.1a2b3c4d.js': 'lazy chunk of v1' });
  const v1 = precacheOf('p11', 'v1');
  await v1.install();
  await v1.pin('tab-1');
  await server.reset();
  // v2 drops the chunk and changes app.js; the server no longer has v1's files.
  await deploy('p11', 'v2', { 'app.js': 'v2 app' });
  const v2 = precacheOf('p11', 'v2');
  await v2.install();
  await v2.prune(['tab-1', 'tab-2']);
  await v2.pin('tab-2');
  await server.reset();
  assert.equal(await text(v2.match(at('p11', 'app.js'), 'tab-1')), 'v1 app', 'tab 1 keeps v1');
  assert.equal(await text(v2.match(at('p11', 'chunk.1a2b3c4d.js'), 'tab-1')), 'lazy chunk of v1', 'a script tab 1 loads late comes from v1');
  assert.equal(await text(v2.match(at('p11', 'app.js'), 'tab-2')), 'v2 app');
  assert.equal(v2.has(at('p11', 'chunk.1a2b3c4d.js'), 'tab-2'), false);
  assert.deepEqual(v2.pins(), { 'tab-1': 'v1', 'tab-2': 'v2' });
  // A restarted worker remembers who is on what.
  const again = precacheOf('p11', 'v2');
  await again.ready();
  assert.equal(await text(again.match(at('p11', 'app.js'), 'tab-1')), 'v1 app');
  // Tab 1 closed: v1 and its files go.
  await again.prune(['tab-2']);
  assert.equal(again.has(at('p11', 'app.js'), 'tab-1'), true, 'an unknown page gets this version');
  assert.equal(await text(again.match(at('p11', 'app.js'), 'tab-1')), 'v2 app');
  const urls = await cachedUrls(cacheName({ scope: '/p11/', kind: 'precache' }));
  assert.ok(!urls.includes('/p11/chunk.1a2b3c4d.js') && !urls.includes('/p11/__shellac/manifest/v1'));
  assert.deepEqual(await downloads(), []);
});

test('pages the previous version pinned while this one installed keep their version; a released prune deletes only the versions released', async () => {
  await deploy('p16', 'v1', { 'app.js': 'v1 app', 'old.js': 'only in v1' });
  const v1 = precacheOf('p16', 'v1');
  await v1.install();
  await v1.pin('tab-1');
  await server.reset();
  await deploy('p16', 'v2', { 'app.js': 'v2 app' });
  const v2 = precacheOf('p16', 'v2');
  await v2.install();
  // Opened while v2 installed: only v1 and the meta store know these pages.
  await v1.pin('tab-2');
  await v1.pin('tab-3');
  await server.reset();
  // The browser may hand v2 their requests before its activation ran.
  assert.equal(v2.has(at('p16', 'old.js'), 'tab-2'), true);
  assert.equal(await text(v2.match(at('p16', 'old.js'), 'tab-2')), 'only in v1');
  assert.equal(await text(v2.match(at('p16', 'app.js'), 'tab-2')), 'v1 app');
  // Activation keeps the pins it had not seen (tab 3); tab 2 closed meanwhile.
  await v2.prune(['tab-1', 'tab-3']);
  assert.deepEqual(v2.pins(), { 'tab-1': 'v1', 'tab-3': 'v1' });
  // A newer version installing adds a body no version of v2's knows: a released prune never touches it.
  const cache = await caches.open(cacheName({ scope: '/p16/', kind: 'precache' }));
  await cache.put(server.url('/p16/__shellac/h/installing00'), new Response('v3 file'));
  await v2.prune(['tab-3'], true);
  assert.ok((await cachedUrls(cacheName({ scope: '/p16/', kind: 'precache' }))).includes('/p16/__shellac/manifest/v1'), 'tab 3 still uses v1');
  await v2.prune([], true);
  const urls = await cachedUrls(cacheName({ scope: '/p16/', kind: 'precache' }));
  assert.ok(!urls.includes('/p16/__shellac/manifest/v1'), 'v1 released');
  assert.ok(!urls.includes(`/p16/__shellac/h/${await hashOf('only in v1')}`));
  assert.ok(urls.includes('/p16/__shellac/h/installing00') && urls.includes(`/p16/__shellac/h/${await hashOf('v2 app')}`));
  assert.deepEqual(await downloads(), []);
});
