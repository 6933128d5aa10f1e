import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName, type Manifest } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createMetaStore } from '../core/meta-store.js';
import { ShellacWorkerError } from '../errors.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { hashOf, manifestOf, packOf } from '../testing/manifest-of.js';
import { createPrecache, type PrecacheOptions } from './precache.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

/** Each test has its own scope (and so its own caches): `/<dir>/`. */
const precacheOf = (dir: string, version: string, extra: Partial<PrecacheOptions> = {}) =>
  createPrecache({
    cacheName: cacheName({ scope: `/${dir}/`, kind: 'precache' }),
    version,
    manifestUrl: new URL(server.url(`/${dir}/shellac-manifest.json`)),
    scope: new URL(server.url(`/${dir}/`)),
    meta: createMetaStore({ cacheName: cacheName({ scope: `/${dir}/`, kind: 'meta' }), base: server.url(`/${dir}/__shellac/`) }),
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
  assert.deepEqual(report, { downloaded: 3, reused: 0, bytes: 6 + 4 + 13, packed: 0 });
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
    { url: 'app.css', reason: `hash ${await hashOf('old css')}` },
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
  assert.deepEqual(await precacheOf('p3', 'v1').install(), { downloaded: 1, reused: 1, bytes: 1, packed: 0 });
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

test('an install revalidates the manifest the look for updates fetched (a 304, not its entries again)', async () => {
  const manifest = await manifestOf('v1', { 'a.js': 'a' });
  const validators = { ETag: '"m1"', 'Cache-Control': 'no-cache', 'Content-Type': 'application/json' };
  await server.route('/p10/shellac-manifest.json', [{ body: JSON.stringify(manifest), headers: validators }, { status: 304, headers: { ETag: '"m1"' } }]);
  await server.route('/p10/a.js', { body: 'a' });
  // The worker's look for updates, as it fetches the file (update-unit).
  await (await fetch(at('p10', 'shellac-manifest.json'), { cache: 'no-cache' })).json();
  assert.deepEqual(await precacheOf('p10', 'v1').install(), { downloaded: 1, reused: 0, bytes: 1, packed: 0 });
  const asked = (await server.requests()).filter((r) => r.path.includes('manifest'));
  assert.deepEqual(asked.map((r) => [r.path, r.headers['if-none-match']]), [['/p10/shellac-manifest.json', undefined], ['/p10/shellac-manifest.json', '"m1"']]);
});

test("a plain manifest URL still answering the last deploy's file is passed by the versioned URL", async () => {
  await deploy('p11', 'v2', { 'a.js': 'a2' });
  // A cache between the browser and the host keeps v1's file at the plain URL for a while.
  await server.route('/p11/shellac-manifest.json', { body: JSON.stringify(await manifestOf('v1', { 'a.js': 'a1' })) });
  await server.route('/p11/shellac-manifest.json?v=v2', { body: JSON.stringify(await manifestOf('v2', { 'a.js': 'a2' })) });
  const precache = precacheOf('p11', 'v2');
  await precache.install();
  assert.equal(await text(precache.match(at('p11', 'a.js'))), 'a2');
  assert.deepEqual((await server.requests()).map((r) => r.path), ['/p11/shellac-manifest.json', '/p11/shellac-manifest.json?v=v2', '/p11/a.js']);
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
