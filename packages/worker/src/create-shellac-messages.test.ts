import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cacheName, MESSAGE } from '@shellac/protocol';
import { testServer } from '../../../test-support/server.js';
import { createLifecycle } from './core/create-lifecycle.js';
import { createMessages } from './core/create-messages.js';
import { createShellac } from './create-shellac.js';

/** The fields of a status reply these tests are about (units add more). */
const pick = (reply: unknown) => {
  const { version, scope, debug } = reply as { version: string; scope: string; debug: boolean }; // a status reply
  return { version, scope, debug };
};

declare const self: ServiceWorkerGlobalScope;

// Page messages through createShellac's units, dispatched by the listener `listen()` adds: this
// worker posts them to itself, so each arrives as the browser's own ExtendableMessageEvent.
const server = testServer();
const shellac = createShellac({ scope: server.url('/msg/'), scriptUrl: server.url('/msg/sw.js'), version: 'v3' });
before(() => shellac.listen(self));

/** Posts `data` with a port; `replies` fills as answers come. */
const post = (data: unknown) => {
  const { port1, port2 } = new MessageChannel();
  const replies: unknown[] = [];
  const first = new Promise<unknown>((resolve) => (port2.onmessage = (event) => (replies.push(event.data), resolve(event.data))));
  self.registration.active!.postMessage(data, [port1]); // active: the runner runs the tests once this worker is
  return { first, replies };
};

test('status is answered with the version and scope; unknown types get no answer', async () => {
  const unknown = post({ type: 'other-library:ping' });
  assert.deepEqual(pick(await post({ type: MESSAGE.status }).first), { version: 'v3', scope: server.url('/msg/'), debug: false });
  assert.deepEqual(unknown.replies, []);
});

test('shellac:waits: a version waits for a page to apply it unless it activates by itself', async () => {
  assert.equal(await post({ type: MESSAGE.waits }).first, true);
  // The other setting: a lifecycle of its own, its messages dispatched as the worker's are.
  const immediate = createLifecycle({ units: [], version: 'v4', scope: new URL(server.url('/msg/')), activate: 'immediately', drop: async () => [], log: () => {} });
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise((resolve) => (port2.onmessage = (event) => resolve(event.data)));
  createMessages([immediate.unit], () => {})({ data: { type: MESSAGE.waits }, ports: [port1], waitUntil: () => {} });
  assert.equal(await answer, false);
});

test('shellac:cache-urls without an array of strings is answered { ok: false, error }', async () => {
  const reply = (await post({ type: MESSAGE.cacheUrls, urls: 'x' }).first) as { ok: boolean; error: string }; // an ErrorReply, checked field by field
  assert.equal(reply.ok, false);
  assert.match(reply.error, /bad-message/);
});

test('shellac:debug switches the channel, as the next status says', async () => {
  post({ type: MESSAGE.debug, on: true });
  assert.deepEqual(pick(await post({ type: MESSAGE.status }).first), { version: 'v3', scope: server.url('/msg/'), debug: true });
  assert.equal(shellac.logger.on, true);
});

test("shellac:clear deletes the scope's caches and names them", async () => {
  const mine = cacheName({ scope: '/msg/', kind: 'runtime', name: 'notes' });
  const other = cacheName({ scope: '/msg/other/', kind: 'runtime', name: 'notes' });
  await Promise.all([caches.open(mine), caches.open(other)]);
  const reply = (await post({ type: MESSAGE.clear }).first) as { ok: boolean; deleted: string[] }; // a ClearReply, checked field by field
  assert.equal(reply.ok, true);
  assert.ok(reply.deleted.includes(mine));
  assert.equal(await caches.has(mine), false);
  assert.equal(await caches.has(other), true, 'another scope is never touched');
});
