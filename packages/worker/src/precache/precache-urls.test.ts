import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { deploy } from '../testing/deploy.js';
import { at, precacheOf, text } from '../testing/precache-of.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

test('tracking parameters and the fragment are ignored, other parameters are not; a folder is its directory index', async () => {
  await deploy('p9', 'v1', { 'app.js': 'app', 'docs/index.html': 'docs home', 'index.html': 'home' });
  const precache = precacheOf('p9', 'v1', { directoryIndex: 'index.html' });
  await precache.install();
  assert.equal(await text(precache.match(at('p9', 'app.js?utm_source=mail&fbclid=x&gclid=y#top'))), 'app');
  assert.equal(precache.has(at('p9', 'app.js?v=2')), false);
  assert.equal(await precache.match(at('p9', 'app.js?v=2')), undefined);
  assert.equal(await text(precache.match(at('p9', 'docs/'))), 'docs home');
  assert.equal(await text(precache.match(at('p9', '?utm_campaign=spring'))), 'home');
  assert.equal(precache.has(at('p9', 'docs')), false, 'only a folder URL (ending in /) is its index');

  const without = precacheOf('p9', 'v1');
  await without.ready();
  assert.equal(without.has(at('p9', 'docs/')), false, 'no directoryIndex, no folder URLs');
  const ownParams = precacheOf('p9', 'v1', { ignoreParams: [/^ref$/] });
  await ownParams.ready();
  assert.equal(ownParams.has(at('p9', 'app.js?ref=home')), true);
  assert.equal(ownParams.has(at('p9', 'app.js?utm_source=mail')), false);
});

test('a file whose name carries its hash is kept under its own URL, with no hash to check', async () => {
  const manifest = await deploy('p10', 'v1', { 'app.3f9a1c2b.js': 'hashed', 'plain.js': 'plain' });
  assert.deepEqual(manifest.entries.map((e) => e.length).sort(), [1, 2]);
  const precache = precacheOf('p10', 'v1');
  await precache.install();
  const urls = await cachedUrls(cacheName({ scope: '/p10/', kind: 'precache' }));
  assert.ok(urls.includes('/p10/app.3f9a1c2b.js'), 'the hashed name is its own key');
  assert.deepEqual(precache.routed(), ['/p10/app.3f9a1c2b.js']);
  assert.equal(await text(precache.match(at('p10', 'app.3f9a1c2b.js'))), 'hashed');
});
