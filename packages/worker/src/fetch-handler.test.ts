import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheName, parseCacheName } from '@shellac/protocol';
import type { Core } from './core/create-core.js';
import { fetchHandler } from './fetch-handler.js';
import { retireGate } from './units/retire-gate.js';
import type { UpdateUnit } from './units/update-unit.js';

// Runs in a real service worker on the real Cache API. A FetchEvent made by script cannot call
// respondWith or waitUntil (they refuse untrusted events), so the event is a stand-in that keeps
// what the handler gave it; the registration is one too, so the test never unregisters its worker.
const SCOPE = '/fetch-handler/';
const held = async () => (await caches.keys()).filter((n) => parseCacheName(n)?.scope === SCOPE).sort();

test('a navigation whose check retires the worker: the retirement clears the caches only after the unread answer ended', async () => {
  const did: string[] = [];
  const worker = {
    registration: { unregister: async () => (did.push('unregister'), true) },
    clients: { matchAll: async () => [] },
  } as unknown as ServiceWorkerGlobalScope; // the two members the gate uses
  let answered = false;
  const gate = retireGate({
    log: () => {},
    clear: async () => {
      did.push(answered ? 'clear after the answer' : 'clear before the answer');
      const names = await held();
      await Promise.all(names.map((n) => caches.delete(n)));
      return names;
    },
    ready: async () => {},
    broadcast: async () => {},
    worker: () => worker,
  });
  // The core's answer reads a per-person cache (opening it) once the page arrives.
  let release: () => void = () => {};
  const arrived = new Promise<void>((r) => (release = r));
  const core: Core = () =>
    arrived.then(async () => {
      await (await caches.open(cacheName({ scope: SCOPE, kind: 'data', owner: 'anonymous' }))).match('/fetch-handler/x');
      answered = true;
      return new Response('page');
    });
  let decide: (retires: boolean) => void = () => {};
  const verdict = new Promise<boolean>((r) => (decide = r));
  const update = { verdict: () => verdict } as unknown as UpdateUnit; // the one member the handler uses

  let responded: Promise<Response> | undefined;
  const event = {
    request: new Request(new URL('/fetch-handler/lesson', location.href), { mode: 'same-origin' }),
    preloadResponse: Promise.resolve(undefined),
    clientId: '',
    resultingClientId: 'page',
    respondWith: (r: Promise<Response>) => void (responded = r),
    waitUntil: () => {},
  };
  // Only a navigation waits for the verdict; a Request made by script cannot have mode 'navigate'.
  Object.defineProperty(event.request, 'mode', { value: 'navigate' });
  fetchHandler(core, gate, update)(event as unknown as FetchEvent); // the members the handler reads

  const retiring = gate.retire();
  decide(true);
  const response = await responded!;
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('location'), event.request.url);
  release();
  await retiring;
  assert.deepEqual(did, ['unregister', 'clear after the answer', 'unregister']);
  assert.deepEqual(await held(), []);
});
