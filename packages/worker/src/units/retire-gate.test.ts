import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheName, MESSAGE, parseCacheName } from '@shellac/protocol';
import { retireGate, type RetireGateOptions } from './retire-gate.js';

// The gate runs in a real service worker on the real Cache API; only the registration and the
// pages are stand-ins, so a test never unregisters the worker that runs it.
const SCOPE = '/gate/';
const name = (kind: 'pages' | 'meta' | 'precache') => cacheName({ scope: SCOPE, kind });
const held = async () => (await caches.keys()).filter((n) => parseCacheName(n)?.scope === SCOPE).sort();
const clear = async () => {
  const names = await held();
  await Promise.all(names.map((n) => caches.delete(n)));
  return names;
};

/** A gate with a recording stand-in for the worker: what it did, in order. */
function gate(opts: { unregister?: () => Promise<boolean>; pages?: string[]; closeWhenTold?: boolean } = {}) {
  const did: string[] = [];
  const told: unknown[] = [];
  // The open pages: a page navigated, or closed, is no longer the worker's.
  const open = [...(opts.pages ?? [])];
  const leave = (url: string) => open.splice(open.indexOf(url), 1);
  const worker = {
    registration: { unregister: () => (did.push('unregister'), opts.unregister?.() ?? Promise.resolve(true)) },
    clients: { matchAll: async () => open.map((url) => ({ url, navigate: async (to: string) => void (did.push(`navigate ${to}`), leave(url)) })) },
  } as unknown as ServiceWorkerGlobalScope; // the two members the gate uses
  const options: RetireGateOptions = {
    log: () => {},
    clear: () => clear().then((names) => (did.push(`clear ${names.length}`), names)),
    ready: async () => {},
    broadcast: async (message) => void (told.push(message), opts.closeWhenTold && open.splice(0)),
    worker: () => worker,
  };
  return { g: retireGate(options), did, told };
}

test('a retirement unregisters first, lets work under way end (and the work it starts), then deletes every cache of the scope', async () => {
  await (await caches.open(name('precache'))).put('/gate/a.css', new Response('a'));
  const { g, did, told } = gate();
  let release: () => void = () => {};
  // An answer still on its way, whose write (started only when it arrives) opens the pages cache.
  const answer = new Promise<void>((r) => (release = r)).then(() => g.track(caches.open(name('pages')).then((c) => c.put('/gate/page', new Response('page')))));
  g.track(answer);
  const retiring = g.retire();
  assert.equal(g.retired, true);
  assert.equal(g.route?.(new Request('/gate/x'), new URL('http://x/gate/x')), false);
  await g.unregistered();
  assert.deepEqual(did, ['unregister']);
  release();
  await retiring;
  assert.deepEqual(await held(), []);
  assert.deepEqual(did, ['unregister', 'clear 2', 'unregister']);
  assert.deepEqual(told, [{ type: MESSAGE.retired }]);
});

test('the check a retirement runs inside is not waited for, and two calls are one retirement', async () => {
  const { g, did } = gate();
  const check = new Promise(() => {}); // the update check: it ends only after the retirement
  g.track(check);
  const first = g.retire({ within: check });
  assert.equal(g.retire({ within: check }), first);
  await first;
  assert.deepEqual(did, ['unregister', 'clear 0', 'unregister']);
});

test('during an install the unregistration (which waits for the install) is not waited for', async () => {
  await (await caches.open(name('meta'))).put('/gate/__shellac/meta/x', new Response('{}'));
  const { g, did } = gate({ unregister: () => new Promise(() => {}) });
  await g.retire({ installing: true });
  assert.deepEqual(did, ['unregister', 'clear 1']);
  assert.deepEqual(await held(), []);
});

test('with reload, every page the worker controls is sent to its own URL, then it unregisters once more', async () => {
  const pages = ['http://x/gate/', 'http://x/gate/b.html'];
  const { g, did } = gate({ pages });
  await g.retire({ reload: true });
  assert.deepEqual(did, ['unregister', 'clear 0', ...pages.map((p) => `navigate ${p}`), 'unregister']);
});

test('without reload no page is navigated; once the last one is gone, it unregisters once more', async () => {
  const { g, did } = gate({ pages: ['http://x/gate/'], closeWhenTold: true });
  await g.retire();
  assert.deepEqual(did, ['unregister', 'clear 0', 'unregister']);
});
