import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName, type DataSourceConfig } from '@shellac/protocol';
import { testServer, type Answer } from '../../../../test-support/server.js';
import { fakeClock } from '../testing/fake-clock.js';
import { taggedFor, testIdentity } from '../testing/test-identity.js';
import { createDataSync } from './data-sync.js';

// Runs in a service worker: the sources are fetched from the test server and kept in the
// browser's Cache Storage; identity drops a person's data through a real cache registry.
const server = testServer();
beforeEach(() => server.reset());

const JSON_TYPE = { 'Content-Type': 'application/json' };
const json = (value: unknown, headers: Record<string, string> = {}): Answer => ({ body: JSON.stringify(value), headers: { ...JSON_TYPE, ...headers } });

const SOURCES: DataSourceConfig[] = [
  { name: 'lessons', url: 'api/lessons.json' },
  { name: 'me', url: 'api/me.json', perUser: true },
];

/** A data sync of scope `/<dir>/`, with or without identity. */
const setup = (dir: string, options: { identity?: boolean; sources?: DataSourceConfig[] } = {}) => {
  const scope = new URL(server.url(`/${dir}/`));
  const identity = options.identity ? testIdentity(scope) : undefined;
  const clock = fakeClock();
  const data = createDataSync({ scope, sources: options.sources ?? SOURCES, owner: identity, observe: identity && (() => identity.watch({})), now: clock.now, log: () => {} });
  return { data, identity, clock, path: (p: string) => `/${dir}/${p}` };
};

test('a sync keeps every source; the app reads each as JSON, with when it changed', async () => {
  const { data, clock, path } = setup('ds1');
  await server.route(path('api/lessons.json'), json([{ id: 1, title: 'Ode to Joy' }], { ETag: '"l1"' }));
  await server.route(path('api/me.json'), json({ user: null }));
  assert.equal(await data.read('lessons'), undefined, 'nothing before the first sync');
  assert.deepEqual(await data.sync(), ['lessons', 'me']);
  assert.deepEqual(await data.read('lessons'), [{ id: 1, title: 'Ode to Joy' }]);
  assert.deepEqual(await data.read('me'), { user: null });
  assert.equal(await data.syncedAt('lessons'), clock.now());
  assert.equal(await data.read('unknown'), undefined);
});

test('the next sync asks with the ETag it holds: a 304 keeps the data and its time, a 200 replaces it', async () => {
  const { data, clock, path } = setup('ds2', { sources: [SOURCES[0]!] });
  await server.route(path('api/lessons.json'), [json(['old'], { ETag: '"1"' }), { status: 304, headers: { ETag: '"1"' } }, json(['new'], { ETag: '"2"' })]);
  await data.sync();
  const first = clock.now();
  clock.advance(60_000);
  assert.deepEqual(await data.sync(), [], 'unchanged');
  assert.deepEqual(await data.read('lessons'), ['old']);
  assert.equal(await data.syncedAt('lessons'), first);
  clock.advance(60_000);
  assert.deepEqual(await data.sync(), ['lessons']);
  assert.deepEqual(await data.read('lessons'), ['new']);
  assert.equal(await data.syncedAt('lessons'), first + 120_000);
  const sent = (await server.requests(path('api/lessons.json'))).map((r) => r.headers['if-none-match']);
  assert.deepEqual(sent, [undefined, '"1"', '"1"']);
});

test('a failed sync (an error status, a body that is not JSON, no network) keeps the last good data of every source', async () => {
  const { data, path } = setup('ds3');
  await server.route(path('api/lessons.json'), [json(['v1']), json(['v2']), json(['v3']), json(['v4'])]);
  await server.route(path('api/me.json'), [json({ n: 1 }), { status: 500, body: 'oops' }, { body: '<html>a proxy error page</html>', headers: { 'Content-Type': 'text/html' } }, { fail: 'reset' }]);
  await data.sync();
  await assert.rejects(data.sync(), /api\/me\.json: HTTP 500/);
  await assert.rejects(data.sync(), SyntaxError);
  await assert.rejects(data.sync(), TypeError);
  assert.deepEqual(await data.read('lessons'), ['v1'], 'all or nothing: the source that answered is not kept alone');
  assert.deepEqual(await data.read('me'), { n: 1 });
});

test("per-person sources are kept per person: another person never reads them, and a switch drops them", async () => {
  const { data, identity, path } = setup('ds4', { identity: true });
  await server.route(path('api/lessons.json'), json(['lessons']));
  await server.route(path('api/me.json'), [json({ name: 'alice' }, { 'X-Shellac-User': 'alice' }), json({ name: 'bob' }, { 'X-Shellac-User': 'bob' })]);
  await identity!.watch({})(taggedFor('alice'));
  await data.sync();
  assert.deepEqual(await data.read('me'), { name: 'alice' });
  assert.equal(await caches.has(cacheName({ scope: '/ds4/', kind: 'data', owner: 'alice' })), true);

  await identity!.watch({})(taggedFor('bob'));
  assert.equal(await data.read('me'), undefined, "Bob never reads Alice's data");
  assert.equal(await caches.has(cacheName({ scope: '/ds4/', kind: 'data', owner: 'alice' })), false, 'dropped with her other caches');
  assert.deepEqual(await data.read('lessons'), ['lessons'], 'shared data stays');
  await data.sync();
  assert.deepEqual(await data.read('me'), { name: 'bob' });
});

test('a sync that finds out who the person is keeps their data for them (the first sync of a fresh worker)', async () => {
  const { data, identity, path } = setup('ds5', { identity: true });
  await server.route(path('api/lessons.json'), json(['lessons']));
  await server.route(path('api/me.json'), json({ user: null }, { 'X-Shellac-User': 'anonymous' }));
  assert.equal(identity!.tag, undefined, 'nobody known yet');
  assert.deepEqual(await data.sync(), ['lessons', 'me']);
  assert.equal(identity!.tag, 'anonymous');
  assert.deepEqual(await data.read('me'), { user: null });
  assert.deepEqual(await data.read('lessons'), ['lessons']);
});

test("a person's data still in flight when they sign out is neither kept nor lets them back in", async () => {
  const { data, identity, path } = setup('ds6', { identity: true, sources: [SOURCES[1]!] });
  await server.route(path('api/me.json'), [{ ...json({ name: 'alice' }, { 'X-Shellac-User': 'alice' }), delay: 400 }, json({ user: null }, { 'X-Shellac-User': 'anonymous' })]);
  await identity!.watch({})(taggedFor('alice'));
  const syncing = data.sync();
  // Alice signs out while her data is on its way: identity hears of it first.
  while ((await server.requests(path('api/me.json'))).length === 0) await new Promise((r) => setTimeout(r, 20));
  await identity!.watch({})(taggedFor('anonymous'));
  await syncing;
  assert.equal(identity!.tag, 'anonymous', 'the late response of the previous person switches nobody back');
  assert.notDeepEqual(await data.read('me'), { name: 'alice' });
  assert.equal(await caches.has(cacheName({ scope: '/ds6/', kind: 'data', owner: 'alice' })), false);
});
