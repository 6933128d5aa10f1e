import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName, type Manifest } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { ShellacWorkerError } from '../errors.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { manifestOf, sha256 } from '../testing/manifest-of.js';
import { createPrecache, type PrecacheOptions } from './precache.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

/** Each test has its own scope (and so its own cache): `/<dir>/`. */
const precacheOf = (dir: string, version: string, extra: Partial<PrecacheOptions> = {}) =>
  createPrecache({
    cacheName: cacheName({ scope: `/${dir}/`, kind: 'precache' }),
    version,
    manifestUrl: new URL(server.url(`/${dir}/shellac-manifest.json?v=${version}`)),
    scope: new URL(server.url(`/${dir}/`)),
    log: () => {},
    ...extra,
  });

/** Serves a manifest of `files` and the files themselves (unless `serve` says otherwise). */
const deploy = async (dir: string, version: string, files: Record<string, string>, serve: Record<string, string | undefined> = files) => {
  const manifest = await manifestOf(version, files);
  await serveManifest(dir, manifest);
  for (const [path, body] of Object.entries(serve)) if (body !== undefined) await server.route(`/${dir}/${path}`, { body });
  return manifest;
};
const serveManifest = (dir: string, manifest: Manifest) =>
  server.route(`/${dir}/shellac-manifest.json`, { body: JSON.stringify(manifest), headers: { 'Content-Type': 'application/json' } });

const at = (dir: string, path: string) => new URL(server.url(`/${dir}/${path}`));
const text = async (response: Promise<Response | undefined>) => (await response)?.text();
const downloads = async () => (await server.requests()).map((r) => r.path).filter((p) => !p.includes('manifest')).sort();

test('install downloads every entry once, and a restarted worker reads the complete version back', async () => {
  await deploy('p1', 'v1', { 'app.css': 'body{}', 'app.js': 'go()', 'index.html': '<h1>home</h1>' });
  const report = await precacheOf('p1', 'v1').install();
  assert.deepEqual(report, { downloaded: 3, reused: 0, bytes: 6 + 4 + 13 });
  assert.deepEqual(await downloads(), ['/p1/app.css', '/p1/app.js', '/p1/index.html']);

  await server.reset(); // the network is gone: everything below comes from the cache
  const restarted = precacheOf('p1', 'v1');
  assert.equal(restarted.has(at('p1', 'app.js')), undefined, 'unknown until the manifest is read back');
  await restarted.ready();
  assert.equal(restarted.has(at('p1', 'app.js')), true);
  assert.equal(restarted.has(at('p1', 'other.js')), false);
  assert.equal(await text(restarted.match(at('p1', 'index.html'))), '<h1>home</h1>');
  assert.deepEqual(await server.requests(), []);
});

test('a hash mismatch and a 404 fail the install, naming each file; the old version keeps answering', async () => {
  await deploy('p2', 'v1', { 'app.css': 'old css', 'app.js': 'old js' });
  const v1 = precacheOf('p2', 'v1');
  await v1.install();

  await server.reset();
  // v2: app.css changed but the server still sends the old bytes (a CDN not yet purged); new.js is missing.
  await deploy('p2', 'v2', { 'app.css': 'new css', 'app.js': 'old js', 'new.js': 'new' }, { 'app.css': 'old css' });
  const v2 = precacheOf('p2', 'v2');
  const error = await v2.install().then(
    () => assert.fail('the install should fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ShellacWorkerError);
  assert.equal(error.code, 'precache-failed');
  assert.equal(error.details.version, 'v2');
  const failures = (error.details.failures as { url: string; reason: string }[]).sort((a, b) => a.url.localeCompare(b.url)); // precache-failed details hold UpdateFailure[]
  assert.deepEqual(failures, [
    { url: 'app.css', reason: `hash ${await sha256('old css')}` },
    { url: 'new.js', reason: 'HTTP 404' },
  ]);

  // v2 was never recorded: a worker of v2 knows none of its files; v1 still answers, restarted too.
  const v2Again = precacheOf('p2', 'v2');
  await v2Again.ready();
  assert.equal(v2Again.has(at('p2', 'app.js')), false);
  assert.equal(await text(v1.match(at('p2', 'app.css'))), 'old css');
  const v1Again = precacheOf('p2', 'v1');
  assert.equal(await text(v1Again.match(at('p2', 'app.css'))), 'old css');
});

test('a failed install keeps its verified downloads: the next try fetches only what failed', async () => {
  await deploy('p3', 'v1', { 'a.js': 'a', 'b.js': 'b' }, { 'a.js': 'a', 'b.js': undefined });
  await assert.rejects(precacheOf('p3', 'v1').install(), { code: 'precache-failed' });
  await server.reset();
  await deploy('p3', 'v1', { 'a.js': 'a', 'b.js': 'b' });
  assert.deepEqual(await precacheOf('p3', 'v1').install(), { downloaded: 1, reused: 1, bytes: 1 });
  assert.deepEqual(await downloads(), ['/p3/b.js']);
});

test('a manifest of another version is refused, and so is a missing one', async () => {
  // A deploy that updated sw.js (v2) while the server still has v1's manifest.
  await deploy('p4', 'v1', { 'a.js': 'a' });
  await assert.rejects(precacheOf('p4', 'v2').install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'bad-manifest' && e.details.expected === 'v2');
  assert.deepEqual(await downloads(), [], 'no file of the wrong manifest is fetched');
  await server.reset();
  await assert.rejects(precacheOf('p4', 'v2').install(), (e: unknown) => e instanceof ShellacWorkerError && e.code === 'bad-manifest' && e.details.status === 404);
});

test('downloads never exceed `concurrency` at once', async () => {
  const files = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`f${i}.js`, `file ${i}`]));
  const manifest = await manifestOf('v1', files);
  await serveManifest('p5', manifest);
  for (const [path, body] of Object.entries(files)) await server.route(`/p5/${path}`, { body, delay: 40 });
  const report = await precacheOf('p5', 'v1', { concurrency: 2 }).install();
  assert.equal(report.downloaded, 7);
  assert.equal(await server.peakInFlight(), 2);
});

test('a second version downloads only the hashes it does not hold', async () => {
  await deploy('p6', 'v1', { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c one' });
  await precacheOf('p6', 'v1').install();
  await server.reset();
  await deploy('p6', 'v2', { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c two', 'd.js': 'd' });
  const report = await precacheOf('p6', 'v2').install();
  assert.deepEqual(report, { downloaded: 2, reused: 2, bytes: 5 + 1 });
  assert.deepEqual(await downloads(), ['/p6/c.js', '/p6/d.js']);
});

test('a renamed file with the same bytes is not downloaded again', async () => {
  await deploy('p7', 'v1', { 'app.abc.js': 'same bytes' });
  await precacheOf('p7', 'v1').install();
  await server.reset();
  await deploy('p7', 'v2', { 'app.def.js': 'same bytes' });
  const v2 = precacheOf('p7', 'v2');
  assert.deepEqual(await v2.install(), { downloaded: 0, reused: 1, bytes: 0 });
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

  await v2.activate();
  const hashes = await Promise.all(['a', 'new'].map(sha256));
  assert.deepEqual(await cachedUrls(name), [...hashes.map((h) => `/p8/__shellac/h/${h}`), '/p8/__shellac/manifest/v2'].sort());
  assert.equal(await text(v2.match(at('p8', 'new.js'))), 'new');
  const v1Again = precacheOf('p8', 'v1');
  await v1Again.ready();
  assert.equal(v1Again.has(at('p8', 'a.js')), false, 'v1 is gone once v2 took over');
});

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
