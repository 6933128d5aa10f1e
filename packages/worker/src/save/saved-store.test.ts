import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { createSavedStore, type SavedRecord } from './saved-store.js';

// Runs in a service worker, on the browser's own Cache API.
const server = testServer();
const scope = new URL(server.url('/'));
const u = (path: string) => server.url(path);
let n = 0;
/** A store of its own per test: its own scope path, so caches never meet. */
const fresh = () => {
  const path = `/s${++n}/`;
  const store = createSavedStore({ scope: new URL(path, scope), name: { scope: path, kind: 'saved' } });
  return { store, name: (owner?: string) => `shellac:${path}:saved${owner ? `~${owner}` : ''}` };
};
const record = (url: string, files: string[]): SavedRecord => ({ url, key: files[0]!, title: url, savedAt: 1, bytes: 0, files });
const body = (text: string) => new Response(text, { headers: { 'Content-Type': 'text/plain' } });
const files = (...urls: string[]) => new Map(urls.map((url) => [url, body(url)]));
const keys = async (name: string) => ((await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => r.url).sort() : []);

beforeEach(async () => {
  for (const name of await caches.keys()) await caches.delete(name);
});

test('an item is stored with its files, then listed and answered; a second owner sees nothing of it', async () => {
  const { store, name } = fresh();
  await store.load('alice');
  await store.commit(record(u('/a'), [u('/a'), u('/a.png')]), files(u('/a'), u('/a.png')), 'alice');
  assert.deepEqual(store.list().map((r) => r.url), [u('/a')]);
  assert.ok(store.has(u('/a.png')));
  assert.equal(await (await store.match(u('/a.png')))?.text(), u('/a.png'));
  assert.ok((await keys(name('alice'))).includes(u('/a.png')));
  await store.load('bob');
  assert.deepEqual(store.list(), []);
  assert.equal(store.has(u('/a.png')), false);
  assert.equal(await store.match(u('/a.png')), undefined);
});

test('a write that fails half-way leaves nothing of the item, and earlier items whole', async () => {
  const { store, name } = fresh();
  await store.load('');
  await store.commit(record(u('/a'), [u('/a'), u('/shared.css')]), files(u('/a'), u('/shared.css')), '');
  const before = await keys(name());
  // A body that fails while the cache reads it: the write of that file rejects.
  const broken = new Response(new ReadableStream({ pull: (c) => c.error(new Error('disk went away')) }));
  const item = new Map([[u('/b'), body('b')], [u('/b.png'), body('b.png')], [u('/b.mp3'), broken]]);
  await assert.rejects(store.commit(record(u('/b'), [...item.keys()]), item, ''));
  assert.deepEqual(store.list().map((r) => r.url), [u('/a')]);
  assert.deepEqual(await keys(name()), before);
  assert.equal(store.has(u('/b.png')), false);
});

test('shared files stay while an item holds them; remove and clear delete what no item needs', async () => {
  const { store, name } = fresh();
  await store.load('k');
  await store.commit(record(u('/a'), [u('/a'), u('/shared.css')]), files(u('/a'), u('/shared.css')), 'k');
  await store.commit(record(u('/b'), [u('/b'), u('/shared.css')]), files(u('/b'), u('/shared.css')), 'k');
  assert.equal(await store.remove(u('/a')), true);
  assert.equal(await store.remove(u('/a')), false);
  const left = await keys(name('k'));
  assert.ok(left.includes(u('/shared.css')) && left.includes(u('/b')) && !left.includes(u('/a')));
  assert.equal(await store.clear(), 1);
  assert.equal(await caches.has(name('k')), false);
  assert.deepEqual(store.list(), []);
});

test('the index lives in the cache: a new store (a restarted worker) reads it back', async () => {
  const { store } = fresh();
  await store.load('');
  await store.commit(record(u('/a'), [u('/a')]), files(u('/a')), '');
  const again = createSavedStore({ scope: new URL(`/s${n}/`, scope), name: { scope: `/s${n}/`, kind: 'saved' } });
  await again.load('');
  assert.deepEqual(again.list().map((r) => r.url), [u('/a')]);
});

test('saving an item again replaces its files, and files no index names are swept', async () => {
  const { store, name } = fresh();
  await store.load('');
  await store.commit(record(u('/a'), [u('/a'), u('/old.png')]), files(u('/a'), u('/old.png')), '');
  // A crash between files and index left a file nobody names.
  await (await caches.open(name())).put(u('/orphan.png'), body('orphan'));
  await store.commit(record(u('/a'), [u('/a'), u('/new.png')]), files(u('/a'), u('/new.png')), '');
  const left = await keys(name());
  assert.ok(left.includes(u('/new.png')));
  assert.ok(!left.includes(u('/old.png')) && !left.includes(u('/orphan.png')));
});

test('a change of person during a save never gives the new person the item, nor the old cache their list', async () => {
  const { store, name } = fresh();
  await store.load('alice');
  // Bob's items load while Alice's save is writing its files (a sign-in in another tab).
  const saving = store.commit(record(u('/a'), [u('/a'), u('/a.png')]), files(u('/a'), u('/a.png')), 'alice');
  const switching = store.load('bob');
  await Promise.allSettled([saving, switching]);
  assert.equal(store.owner, 'bob');
  assert.deepEqual(store.list(), []);
  assert.equal(store.has(u('/a.png')), false);
  await store.commit(record(u('/b'), [u('/b')]), files(u('/b')), 'bob');
  // A save of Alice's that reaches the store once Bob's items are loaded stores nothing.
  assert.equal(await store.commit(record(u('/late'), [u('/late')]), files(u('/late')), 'alice'), false);
  assert.deepEqual(store.list().map((r) => r.url), [u('/b')]);
  const index = async (owner: string) => {
    const cache = await caches.open(name(owner));
    const key = (await cache.keys()).find((r) => r.url.endsWith('/saved'));
    return key ? ((await (await cache.match(key))!.json()) as SavedRecord[]).map((r) => r.url) : []; // written by the store
  };
  assert.deepEqual(await index('bob'), [u('/b')]);
  assert.ok(!(await keys(name('bob'))).includes(u('/a.png')));
  // Whatever Alice's cache holds (identity deletes it at the switch) names Alice's items alone.
  assert.ok((await index('alice')).every((url) => url === u('/a')));
});
