import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { ShellacWorkerError } from '../errors.js';
import { deploy, downloads, serveManifest } from '../testing/deploy.js';
import { hashOf, manifestOf } from '../testing/manifest-of.js';
import { at, precacheOf, text } from '../testing/precache-of.js';

// Runs in a service worker: the Cache API is the browser's, the files come from the test server.
const server = testServer();
beforeEach(() => server.reset());

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
