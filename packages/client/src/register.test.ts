import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGE } from '@shellac/protocol';
import { ANNOUNCER, activated, serveWorker, settled } from '../../../test-support/service-workers.js';
import { testServer } from '../../../test-support/server.js';
import { ShellacClientError } from './errors.js';
import { register } from './register.js';

// Runs in a page with real workers, each in a scope of its own. The page stays uncontrolled until
// the `controlling` test near the end: a controlled page posts to its controller, not to the
// registration's worker, so the clear tests come first.
const server = testServer();

/** A worker that answers `shellac:clear` on the message's port with `reply`. */
const answering = (reply: unknown) => `
addEventListener('message', (event) => {
  if (event.data?.type === ${JSON.stringify(MESSAGE.clear)}) event.ports[0].postMessage(${JSON.stringify(reply)});
});`;

const names = async () => (await caches.keys()).sort();

test('without service workers (a page that is not a secure context), supported is false and nothing throws', async () => {
  const origin = await server.insecureOrigin();
  // The frame loads the client as a module from the runner: the code under test, in a page of its own.
  await server.route('/plain/', {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!doctype html><script type="module">
      import { register } from '/__unit/packages/client.js';
      const client = register();
      const registration = await client.ready;
      const cleared = await client.clearOfflineData();
      await client.update();
      client.debug(true);
      parent.postMessage({ secure: isSecureContext, supported: client.supported, registered: registration !== undefined, cleared }, '*');
    </script>`,
  });
  const frame = document.createElement('iframe');
  const answer = new Promise<unknown>((resolve) => addEventListener('message', (e) => e.source === frame.contentWindow && resolve(e.data)));
  frame.src = `${origin}/plain/`;
  document.body.append(frame);
  assert.deepEqual(await answer, { secure: false, supported: false, registered: false, cleared: [] });
  frame.remove();
});

test("clearOfflineData returns what the worker says it deleted, and rejects with clear-failed when it could not", async () => {
  await serveWorker(server, '/ok/sw.js', answering({ ok: true, deleted: ['shellac:/ok/:pages'] }));
  const ok = register({ url: server.url('/ok/sw.js') });
  await activated((await ok.ready)!); // registered: the worker is served above
  assert.equal(ok.supported, true);
  assert.deepEqual(await ok.clearOfflineData(), ['shellac:/ok/:pages']);

  await serveWorker(server, '/bad/sw.js', answering({ ok: false, deleted: [], error: 'the disk is full' }));
  const bad = register({ url: server.url('/bad/sw.js') });
  await activated((await bad.ready)!); // as above
  await assert.rejects(bad.clearOfflineData(), (error: unknown) => {
    assert.ok(error instanceof ShellacClientError);
    assert.equal(error.code, 'clear-failed');
    assert.match(error.message, /the disk is full/);
    return true;
  });
});

test('when no worker answers, clearOfflineData deletes the caches whose parsed scope is its own, and only those', async () => {
  await serveWorker(server, '/c/sw.js', '// answers no message');
  const client = register({ url: server.url('/c/sw.js') });
  await activated((await client.ready)!); // registered: the worker is served above
  const mine = ['shellac:/c/:pages', 'shellac:/c/:pages~ab12', 'shellac:/c/:runtime:img'];
  // A nested scope, the parent scope, a name that only starts like ours, and a cache not Shellac's.
  const others = ['shellac:/c/d/:pages', 'shellac:/:pages', 'shellac:/c/x:pages', 'other:/c/:pages'];
  await Promise.all([...mine, ...others].map((n) => caches.open(n)));
  assert.deepEqual((await client.clearOfflineData()).sort(), mine);
  assert.deepEqual(await names(), others.sort());
  await Promise.all(others.map((n) => caches.delete(n)));
});

test('updateFailed reaches every listener until it unsubscribes', async () => {
  await serveWorker(server, '/news/sw.js', ANNOUNCER);
  const client = register({ url: server.url('/news/sw.js') });
  const worker = await activated((await client.ready)!); // registered: the worker is served above
  const heard: string[] = [];
  const all = new Promise((resolve) => client.on('updateFailed', (e) => resolve(heard.push(`first ${e.version}`))));
  const off = client.on('updateFailed', (e) => heard.push(`second ${e.version}`));
  const failures = [{ url: '/app.css', reason: 'hash mismatch' }];
  worker.postMessage({ announce: { type: MESSAGE.updateFailed, version: 'v2', failures } });
  await all;
  off();
  const last = new Promise((resolve) => client.on('updateFailed', resolve));
  worker.postMessage({ announce: { type: MESSAGE.updateFailed, version: 'v3', failures } });
  assert.deepEqual(await last, { version: 'v3', failures });
  assert.deepEqual(heard, ['first v2', 'second v2', 'first v3']);
});

test('controlling: the first worker to claim the page is not an update', async () => {
  await serveWorker(server, '/sw.js', "addEventListener('activate', (event) => event.waitUntil(clients.claim()));");
  assert.equal(navigator.serviceWorker.controller, null, 'the page starts uncontrolled');
  const client = register({ url: server.url('/sw.js') });
  const events: unknown[] = [];
  const off = client.on('controlling', (e) => events.push(e));
  const controlling = new Promise((resolve) => client.on('controlling', resolve));
  off();
  assert.deepEqual(await controlling, { isUpdate: false });
  assert.deepEqual(events, []);
});

/**
 * Worker code that holds a message event open from 'hold' (acknowledged on the message's port,
 * once held) to 'release': while it does, Chromium activates no other version of its registration.
 */
const HOLDING = `
let release;
addEventListener('message', (event) => {
  if (event.data === 'hold') event.waitUntil(new Promise((resolve) => (release = resolve))), event.ports[0]?.postMessage('held');
  if (event.data === 'release') release?.();
});`;

/** Makes a worker with {@link HOLDING} hold an event open; resolves once it does. */
const hold = (worker: ServiceWorker) =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    worker.postMessage('hold', [channel.port2]);
  });

test('updateReady reaches listeners, and one added after it was found is called at once', async () => {
  assert.ok(navigator.serviceWorker.controller, 'the test before left the page controlled');
  // Version 1 is active before the client exists, so only version 2 is news to it. No page of its
  // scope is open, so Chromium would activate version 2 at once: version 1 stays busy instead,
  // as a worker with pages would keep it waiting.
  await serveWorker(server, '/u/sw.js', `// version 1${HOLDING}`);
  const registration = await navigator.serviceWorker.register('/u/sw.js');
  const old = await activated(registration);
  await hold(old);
  const client = register({ url: server.url('/u/sw.js') });
  const early = new Promise<{ applyUpdate(): void }>((resolve) => client.on('updateReady', resolve));
  await serveWorker(server, '/u/sw.js', `// version 2
addEventListener('message', (event) => {
  if (event.data?.type === ${JSON.stringify(MESSAGE.skipWaiting)}) skipWaiting();
  if (event.data?.type === ${JSON.stringify(MESSAGE.waits)}) event.ports[0].postMessage(true);
});`);
  await client.update();
  const update = await early;
  const waiting = registration.waiting;
  assert.ok(waiting, 'version 2 waits');
  let late: unknown;
  client.on('updateReady', (e) => (late = e));
  assert.equal(late, update);
  // This registration does not control the page, so applying does not reload it.
  update.applyUpdate();
  old.postMessage('release');
  await settled(waiting, 'activated');
  assert.equal(registration.active, waiting);
});

/**
 * A worker that skips waiting and says so when asked, as Shellac's does with `activate:
 * 'immediately'`, and can hold an event open ({@link HOLDING}). It tells the test (a question
 * with `from`) whether the client asked yet.
 */
const skipping = (version: number) => `// version ${version}${HOLDING}
addEventListener('install', (event) => event.waitUntil(skipWaiting()));
let clientAsked = false;
addEventListener('message', (event) => {
  if (event.data?.type !== ${JSON.stringify(MESSAGE.waits)}) return;
  if (event.data.from) return event.ports[0].postMessage({ clientAsked });
  clientAsked = true;
  event.ports[0].postMessage(false);
});`;

/** The worker's answer to a `waits` question of the test's own. */
const askWaits = (worker: ServiceWorker) =>
  new Promise<{ clientAsked: boolean }>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data as { clientAsked: boolean }); // the test worker's answer
    worker.postMessage({ type: MESSAGE.waits, from: 'test' }, [channel.port2]);
  });

// A skipping worker stays "installed" while the old one finishes work in flight (held open here,
// so the test does not race): a client that took "installed" for waiting announced it.
test(
  'a worker that skips waiting is never announced as updateReady',
  async () => {
    assert.ok(navigator.serviceWorker.controller, 'the page is controlled (updateReady needs it)');
    await serveWorker(server, '/s/sw.js', skipping(1));
    const registration = await navigator.serviceWorker.register('/s/sw.js');
    const old = await activated(registration);
    const client = register({ url: server.url('/s/sw.js') });
    const announced: unknown[] = [];
    client.on('updateReady', (e) => announced.push(e));
    await hold(old);
    await serveWorker(server, '/s/sw.js', skipping(2));
    await client.update();
    const next = registration.installing!; // update() resolves with the new worker installing
    await settled(next, 'installed');
    // Messages through two ServiceWorker objects keep no order between them: the test asks until
    // the worker has answered the client too, then lets that answer land.
    while (!(await askWaits(next)).clientAsked);
    await askWaits(next);
    await new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
    assert.equal(next.state, 'installed', 'still held by the old worker');
    assert.deepEqual(announced, []);
    old.postMessage('release');
    await settled(next, 'activated');
    assert.deepEqual(announced, []);
  },
);
