import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName, type Manifest } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createMetaStore } from '../core/meta-store.js';
import { ShellacWorkerError } from '../errors.js';
import { manifestOf, packOf } from '../testing/manifest-of.js';
import { createPrecache } from './precache.js';

// A manifest `sw.js` carries (`inline`): runs in a service worker, files from the test server.
const server = testServer();
beforeEach(() => server.reset());

const precacheOf = (dir: string, version: string, inline?: Manifest) =>
  createPrecache({
    cacheName: cacheName({ scope: `/${dir}/`, kind: 'precache' }),
    version,
    manifestUrl: new URL(server.url(`/${dir}/shellac-manifest.json`)),
    inline,
    scope: new URL(server.url(`/${dir}/`)),
    meta: createMetaStore({ cacheName: cacheName({ scope: `/${dir}/`, kind: 'meta' }), base: server.url(`/${dir}/__shellac/`) }),
    log: () => {},
  });

/** Serves `files`, and the manifest of `version` unless `manifest` is false. */
const deploy = async (dir: string, version: string, files: Record<string, string>, manifest = true) => {
  const m = await manifestOf(version, files);
  if (manifest) await server.route(`/${dir}/shellac-manifest.json`, { body: JSON.stringify(m), headers: { 'Content-Type': 'application/json' } });
  for (const [path, body] of Object.entries(files)) await server.route(`/${dir}/${path}`, { body });
  return m;
};
const paths = async () => (await server.requests()).map((r) => r.path).sort();
const at = (dir: string, path: string) => new URL(server.url(`/${dir}/${path}`));

test('an update from inlined entries fetches no manifest, only the files that changed', async () => {
  await deploy('i1', 'v1', { 'a.css': 'a one', 'b.js': 'b' });
  await precacheOf('i1', 'v1').install();
  await server.reset();
  // The server still has v1's manifest: were it read, v2 would refuse it.
  await deploy('i1', 'v1', { 'a.css': 'a one', 'b.js': 'b' });
  const v2 = await manifestOf('v2', { 'a.css': 'a two', 'b.js': 'b' });
  await server.route('/i1/a.css', { body: 'a two' });
  const report = await precacheOf('i1', 'v2', v2).install();
  assert.deepEqual(report, { downloaded: 1, reused: 1, bytes: 5, packed: 0 });
  assert.deepEqual(await paths(), ['/i1/a.css']);
  assert.equal(await (await precacheOf('i1', 'v2').match(at('i1', 'a.css')))?.text(), 'a two');
});

test('inlined entries are verified: wrong bytes fail the update and the old version keeps answering', async () => {
  await deploy('i2', 'v1', { 'a.css': 'a one' });
  const v1 = precacheOf('i2', 'v1');
  await v1.install();
  await server.reset();
  // The host still sends the old bytes (a CDN not yet purged).
  await deploy('i2', 'v1', { 'a.css': 'a one' });
  const v2 = await manifestOf('v2', { 'a.css': 'a two' });
  await assert.rejects(precacheOf('i2', 'v2', v2).install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'precache-failed');
  assert.equal(await (await v1.match(at('i2', 'a.css')))?.text(), 'a one');
  assert.equal(await precacheOf('i2', 'v2').match(at('i2', 'a.css')), undefined, 'v2 was never recorded');
});

test('a first install asks whether the manifest is there (its headers alone): gone (a retired site), it fails', async () => {
  const v1 = await deploy('i3', 'v1', { 'a.css': 'a' }, false);
  await assert.rejects(precacheOf('i3', 'v1', v1).install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'bad-manifest' && e.details.status === 404);
  assert.deepEqual((await server.requests()).map((r) => `${r.method} ${r.path}`), ['HEAD /i3/shellac-manifest.json'], 'no file is fetched');
  await server.reset();
  // There (even of another version: the entries inlined are the worker's own), the install goes on.
  await deploy('i3', 'v0', { 'a.css': 'a' });
  assert.deepEqual(await precacheOf('i3', 'v1', v1).install(), { downloaded: 1, reused: 0, bytes: 1, packed: 0 });
  assert.deepEqual((await server.requests()).map((r) => `${r.method} ${r.path}`), ['HEAD /i3/shellac-manifest.json', 'GET /i3/a.css']);
});

test('a first install from inlined entries goes on through an outage of the manifest (a 503 is no retirement)', async () => {
  const v1 = await deploy('i4', 'v1', { 'a.css': 'a', 'b.js': 'b' }, false);
  await server.route('/i4/shellac-manifest.json', { status: 503 });
  assert.deepEqual(await precacheOf('i4', 'v1', v1).install(), { downloaded: 2, reused: 0, bytes: 2, packed: 0 });
});

test('a first install from inlined entries asks for the pack beside the HEAD of the manifest, a round trip sooner', async () => {
  const files = { 'a.css': 'a', 'b.js': 'b' };
  const v1 = { ...(await manifestOf('v1', files)), pack: 'shellac-pack.v1.bin' };
  // Each held long enough that one waiting for the other would show as a peak of one.
  await server.route('/i5/shellac-manifest.json', { status: 200, delay: 300 });
  await server.route('/i5/shellac-pack.v1.bin', { bodyBase64: btoa(String.fromCharCode(...packOf(files))), delay: 300 });
  assert.deepEqual(await precacheOf('i5', 'v1', v1).install(), { downloaded: 0, reused: 0, bytes: 2, packed: 2 });
  assert.deepEqual((await server.requests()).map((r) => `${r.method} ${r.path}`).sort(), ['GET /i5/shellac-pack.v1.bin', 'HEAD /i5/shellac-manifest.json']);
  assert.equal(await server.peakInFlight(), 2, 'both in flight at once');
});

test('a first install whose manifest is gone stores nothing of the pack it asked for beside it', async () => {
  const files = { 'a.css': 'a' };
  const v1 = { ...(await manifestOf('v1', files)), pack: 'shellac-pack.v1.bin' };
  await server.route('/i6/shellac-pack.v1.bin', { bodyBase64: btoa(String.fromCharCode(...packOf(files))) });
  await assert.rejects(precacheOf('i6', 'v1', v1).install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'bad-manifest' && e.details.status === 404);
  const cache = await caches.open(cacheName({ scope: '/i6/', kind: 'precache' }));
  assert.deepEqual(await cache.keys(), [], 'nothing stored');
});

test('a first install tried again after a failure fetches alone what it still misses, not the whole pack', async () => {
  const files = { 'a.css': 'a', 'b.js': 'b', 'c.js': 'c' };
  const v1 = { ...(await manifestOf('v1', files)), pack: 'shellac-pack.v1.bin' };
  await server.route('/i7/shellac-manifest.json', { status: 200 });
  // The first try: no pack, and c.js fails; a.css and b.js stay.
  await server.route('/i7/a.css', { body: 'a' });
  await server.route('/i7/b.js', { body: 'b' });
  await assert.rejects(precacheOf('i7', 'v1', v1).install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'precache-failed');
  await server.reset();
  await server.route('/i7/shellac-manifest.json', { status: 200 });
  await server.route('/i7/shellac-pack.v1.bin', { bodyBase64: btoa(String.fromCharCode(...packOf(files))) });
  await server.route('/i7/c.js', { body: 'c' });
  assert.deepEqual(await precacheOf('i7', 'v1', v1).install(), { downloaded: 1, reused: 2, bytes: 1, packed: 0 });
  assert.deepEqual((await server.requests()).map((r) => `${r.method} ${r.path}`).sort(), ['GET /i7/c.js', 'HEAD /i7/shellac-manifest.json']);
});

test('a first install takes the pack while most of it is missing, though some files are held', async () => {
  const files = { 'a.css': 'a', 'b.js': 'b', 'c.js': 'c' };
  const v1 = { ...(await manifestOf('v1', files)), pack: 'shellac-pack.v1.bin' };
  await server.route('/i8/shellac-manifest.json', { status: 200 });
  await server.route('/i8/a.css', { body: 'a' });
  await assert.rejects(precacheOf('i8', 'v1', v1).install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'precache-failed');
  await server.reset();
  await server.route('/i8/shellac-manifest.json', { status: 200 });
  await server.route('/i8/shellac-pack.v1.bin', { bodyBase64: btoa(String.fromCharCode(...packOf(files))) });
  assert.deepEqual(await precacheOf('i8', 'v1', v1).install(), { downloaded: 0, reused: 1, bytes: 2, packed: 2 });
});
