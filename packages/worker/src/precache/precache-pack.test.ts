import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { downloads, serveManifest } from '../testing/deploy.js';
import { manifestOf, packOf } from '../testing/manifest-of.js';
import { at, precacheOf, text } from '../testing/precache-of.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

test('a first install takes the pack, checks each file in it, and fetches alone what the pack got wrong', async () => {
  const files = { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c' };
  const manifest = { ...(await manifestOf('v1', files)), pack: 'shellac-pack.0123abcd.bin' };
  await serveManifest('p14', manifest);
  // The pack holds a wrong b.js; the server has the right one.
  const pack = packOf({ 'a.js': 'a', 'b.js': 'not b', 'c.js': 'c' });
  await server.route('/p14/shellac-pack.0123abcd.bin', { bodyBase64: btoa(String.fromCharCode(...pack)) });
  await server.route('/p14/b.js', { body: 'b' });
  const report = await precacheOf('p14', 'v1').install();
  assert.deepEqual(report, { downloaded: 1, reused: 0, bytes: 3, packed: 2 });
  assert.deepEqual(await downloads(), ['/p14/b.js', '/p14/shellac-pack.0123abcd.bin']);
  const precache = precacheOf('p14', 'v1');
  assert.equal(await text(precache.match(at('p14', 'b.js'))), 'b');
  assert.equal((await precache.match(at('p14', 'a.js')))?.headers.get('Content-Type'), 'text/plain');
});

test('a pack that fails is dropped: every file is fetched alone', async () => {
  const files = { 'a.js': 'a', 'b.js': 'b' };
  await serveManifest('p15', { ...(await manifestOf('v1', files)), pack: 'shellac-pack.ffff0000.bin' });
  for (const [path, body] of Object.entries(files)) await server.route(`/p15/${path}`, { body });
  await server.route('/p15/shellac-pack.ffff0000.bin', { bodyBase64: btoa('\u0000\u0000\u00ff\u00ffgarbage') });
  assert.deepEqual(await precacheOf('p15', 'v1').install(), { downloaded: 2, reused: 0, bytes: 2, packed: 0 });
});
