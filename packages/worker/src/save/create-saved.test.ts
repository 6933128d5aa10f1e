import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName, SAVE_MESSAGE, type SaveReply } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createMetaStore } from '../core/meta-store.js';
import { taggedFor, testIdentity } from '../testing/test-identity.js';
import { createSaved, type SavedEnv } from './create-saved.js';

// Runs in a service worker: pages and files come from the test server, items go to the
// browser's Cache Storage, and identity drops a person's caches through a real registry.
const server = testServer();
beforeEach(() => server.reset());

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** The saved unit of scope `/<dir>/`, with identity, started as the runtime starts it; `more`: what a test adds to its env. */
const setup = (dir: string, more: Partial<SavedEnv> = {}) => {
  const scope = new URL(server.url(`/${dir}/`));
  const identity = testIdentity(scope);
  const meta = createMetaStore({ cacheName: cacheName({ scope: scope.pathname, kind: 'meta' }), base: `${scope.href}__meta/` });
  const saved = createSaved().start({
    scope, meta, log: () => {}, owner: identity, observe: () => identity.watch({}),
    precached: () => false, evict: async () => {}, broadcast: async () => {}, ...more,
  });
  const save = (path: string) => saved.messages![SAVE_MESSAGE.save]!({ id: path, urls: [new URL(path, scope).href] }) as Promise<SaveReply>;
  return { identity, saved, save, path: (p: string) => `/${dir}/${p}`, url: (p: string) => new URL(p, scope).href };
};

test("a person's page still in flight when they sign out is not saved and lets nobody back in", async () => {
  const { identity, saved, save, path, url } = setup('cs1');
  await identity.watch({})(taggedFor('alice'));
  await server.route(path('lesson'), { body: '<title>Alice’s lesson</title>', headers: { ...HTML, 'X-Shellac-User': 'alice' }, delay: 400 });
  const saving = save('lesson');
  // Alice signs out while her page is on its way: identity hears of it first.
  while ((await server.requests(path('lesson'))).length === 0) await new Promise((r) => setTimeout(r, 20));
  await identity.watch({})(taggedFor('anonymous'));
  const reply = await saving;
  assert.equal(identity.tag, 'anonymous', 'the late page of the previous person switches nobody back');
  assert.equal(reply.ok, false);
  assert.equal(reply.errors[0]?.code, 'user-changed');
  assert.equal(await saved.match(url('lesson')), undefined);
  assert.deepEqual((await caches.keys()).filter((name) => name.includes('saved~')), [], 'no saved partition of anybody');
});

test('a save cancelled while a file is half downloaded ends as cancelled and stores nothing', async () => {
  const { saved, save, path, url } = setup('cs2');
  await server.route(path('tune'), { body: '<title>A tune</title><img src="big.png">', headers: HTML });
  await server.route(path('big.png'), { body: 'x'.repeat(64 * 1024), headers: { 'Content-Type': 'image/png' }, fail: 'stall' });
  const saving = save('tune');
  // The file's head has been sent when the server lists it (the half body follows at once): the
  // cancel then reaches a body being read, not a request waiting for its answer.
  while ((await server.requests(path('big.png'))).length === 0);
  await saved.messages![SAVE_MESSAGE.cancel]!({ id: 'tune' });
  const reply = await saving;
  assert.equal(reply.errors[0]?.code, 'cancelled', JSON.stringify(reply.errors));
  assert.equal(await saved.match(url('tune')), undefined);
});

test('a save cancelled after its files arrived, before they are written, stores nothing and ends as cancelled', async () => {
  // The app shell is made sure of just before the write: the cancel comes while it is.
  let committing!: () => void;
  const reached = new Promise<void>((resolve) => (committing = resolve));
  let release!: () => void;
  const shellEnsured = new Promise<void>((resolve) => (release = resolve));
  const { saved, save, path, url } = setup('cs3', { ensureShell: () => (committing(), shellEnsured) });
  await server.route(path('tune'), { body: '<title>A tune</title><img src="small.png">', headers: HTML });
  await server.route(path('small.png'), { body: 'png', headers: { 'Content-Type': 'image/png' } });
  const saving = save('tune');
  await reached;
  await saved.messages![SAVE_MESSAGE.cancel]!({ id: 'tune' });
  release();
  const reply = await saving;
  assert.equal(reply.ok, false);
  assert.deepEqual(reply.errors.map((e) => e.code), ['cancelled'], JSON.stringify(reply.errors));
  assert.equal(await saved.match(url('tune')), undefined);
  assert.equal(await saved.match(url('small.png')), undefined);
});
