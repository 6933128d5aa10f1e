import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName, MESSAGE, RESERVED_PATH, type CacheNameParts, type IdentityConfig, type WorkerMessage } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createCacheRegistry } from '../caches/cache-registry.js';
import { createMetaStore } from '../core/meta-store.js';
import { networkFirst } from '../strategies/network-first.js';
import { routeContext } from '../testing/route-context.js';
import { startIdentity } from './identity.js';

// Runs in a service worker: the caches are the browser's, and every drop goes through a real
// cache registry, which deletes them by their parsed names.
const server = testServer();
beforeEach(() => server.reset());

/** Identity for `scope` (a path), with what it dropped and whom it told, as a runtime would lend it. */
const setup = (scope: string, config: IdentityConfig = {}) => {
  const scopeUrl = new URL(server.url(scope));
  const meta = createMetaStore({ cacheName: cacheName({ scope, kind: 'meta' }), base: scopeUrl.href + RESERVED_PATH });
  const registry = createCacheRegistry({ scope, meta });
  const drops: string[] = [];
  const notices: { message: WorkerMessage; except: string[] }[] = [];
  const start = () =>
    startIdentity({
      scope: scopeUrl,
      meta,
      log: () => {},
      // What createShellac lends: every per-person cache that is not the new owner's goes.
      drop: (owner) => (drops.push(owner), registry.drop((c) => c.owner !== undefined && c.owner !== owner)),
      notify: async (message, except) => void notices.push({ message, except }),
      ...config,
    });
  const name = (kind: CacheNameParts['kind'], extra: Partial<CacheNameParts> = {}) => cacheName({ scope, kind, ...extra });
  const scopeCaches = async () => (await caches.keys()).filter((n) => n.startsWith(`shellac:${scope}:`)).sort();
  return { identity: start(), restart: start, registry, drops, notices, name, scopeCaches, url: (path: string) => new URL(path, scopeUrl).href };
};

const tagged = (tags: string) => new Response('<p>page</p>', { headers: { 'Content-Type': 'text/html', 'X-Shellac-User': tags } });
const openAll = (names: string[]) => Promise.all(names.map((n) => caches.open(n)));
const switched = (reason: 'switch' | 'logout', anonymous = false) => ({ type: MESSAGE.userChanged, reason, anonymous });

test('the first tag sets the person without telling any page', async () => {
  const { identity, drops, notices, name, scopeCaches } = setup('/id1/');
  // Pages kept before any response named someone could be anyone's: they belong to nobody ('_').
  await openAll([name('precache'), name('pages', { owner: '_' })]);
  assert.equal(identity.tag, undefined);
  assert.equal(await identity.key(), '_');

  await identity.watch({ clientId: 'tab-1' })(tagged('alice'));
  assert.equal(identity.tag, 'alice');
  assert.equal(await identity.key(), 'alice');
  assert.deepEqual(drops, ['alice']);
  assert.deepEqual(notices, []);
  assert.deepEqual(await scopeCaches(), [name('meta'), name('precache')]);
  assert.equal(identity.owns(tagged('alice')), true);
  assert.equal(identity.owns(tagged('bob')), false);
  assert.equal(identity.owns(new Response('untagged')), true);
});

test("another person's tag drops every other person's caches and tells the other pages, before the response is used", async () => {
  const { identity, drops, notices, name, scopeCaches } = setup('/id2/');
  await identity.watch({})(tagged('alice'));
  const shared = [name('meta'), name('precache'), name('runtime', { name: 'api' }), name('shell')];
  await openAll([...shared, name('pages', { owner: 'alice' }), name('runtime', { name: 'api', owner: 'alice' }), name('pages', { owner: 'carol' })]);

  await identity.watch({ clientId: 'tab-1', resultingClientId: 'tab-2' })(tagged('bob'));
  assert.equal(identity.tag, 'bob');
  assert.deepEqual(drops, ['alice', 'bob']);
  assert.deepEqual(await scopeCaches(), shared.sort());
  assert.deepEqual(notices, [{ message: switched('switch'), except: ['tab-1', 'tab-2'] }]);
});

test('a rotated secret (t1, t0) is the same person: nothing is dropped, the new tag is remembered', async () => {
  const { identity, restart, drops, notices, name, scopeCaches } = setup('/id3/');
  await identity.watch({})(tagged('t0'));
  await openAll([name('pages', { owner: 't0' })]);

  await identity.watch({})(tagged('t1, t0'));
  assert.equal(identity.tag, 't1');
  assert.equal(await identity.key(), 't0', 'the caches keep their name');
  assert.deepEqual(drops, ['t0']);
  assert.deepEqual(notices, []);
  assert.ok((await scopeCaches()).includes(name('pages', { owner: 't0' })));

  const again = restart();
  await again.watch({})(tagged('t1'));
  assert.equal(again.tag, 't1');
  assert.deepEqual(drops, ['t0'], 'the restarted worker knew t1');
});

test('a response to a request begun before a switch changes nothing and is not stored', async () => {
  const { identity, registry, drops, notices, name, url } = setup('/id4/');
  await identity.watch({})(tagged('alice'));
  const pages = identity.cache({ scope: '/id4/', kind: 'pages' }, (full) => registry.open(full));
  // Alice's request leaves; Bob signs in in another tab; then Alice's page arrives.
  await server.route('/id4/account', { body: "alice's account", headers: { 'Content-Type': 'text/html', 'X-Shellac-User': 'alice' } });
  const begun = routeContext(new Request(url('account')), { observe: identity.watch({}) });
  await identity.watch({})(tagged('bob'));

  const response = await networkFirst({ cache: pages })(begun.ctx);
  await begun.settled();
  assert.equal(await response.text(), "alice's account", 'the page that asked still gets its answer');
  assert.equal(identity.tag, 'bob');
  assert.deepEqual(drops, ['alice', 'bob']);
  assert.equal(notices.length, 1);
  assert.equal(await pages.match(url('account')), undefined);
  assert.equal(await (await caches.open(name('pages', { owner: 'bob' }))).match(url('account')), undefined);
  assert.equal(await caches.has(name('pages', { owner: 'alice' })), false, "Alice's cache is not made again");

  // The same page asked for after the switch does switch back: the guard is about when it began.
  const after = routeContext(new Request(url('account')), { observe: identity.watch({}) });
  await networkFirst({ cache: pages })(after.ctx);
  await after.settled();
  assert.equal(identity.tag, 'alice');
  assert.equal(await (await pages.match(url('account')))?.text(), "alice's account");
});

test('a restarted worker knows the person from the meta store', async () => {
  const { identity, restart, drops, notices } = setup('/id5/');
  await identity.watch({})(tagged('alice'));
  const again = restart();
  assert.equal(again.current, undefined, 'unknown until the record is read');
  assert.equal(await again.key(), 'alice');
  assert.equal(again.current, 'alice');
  assert.equal(again.tag, 'alice');
  await again.watch({})(tagged('alice'));
  assert.deepEqual(drops, ['alice']);
  assert.deepEqual(notices, []);
});

test('a non-GET request to a logout path switches to anonymous once the server answered', async () => {
  const { identity, notices, url } = setup('/id6/');
  await identity.watch({})(tagged('alice'));
  await server.route('/id6/logout', { status: 302, headers: { Location: '/id6/' } });
  await server.route('/id6/', { body: 'home' });
  const post = new Request(url('logout'), { method: 'POST' });
  assert.equal(identity.unit.route?.(new Request(url('logout')), new URL(url('logout'))), undefined, 'a GET is a page, not a logout');
  assert.equal(identity.unit.route?.(new Request(url('logout/now'), { method: 'POST' }), new URL(url('logout/now'))), undefined);
  const route = identity.unit.route?.(post, new URL(post.url));
  assert.ok(route);
  assert.equal(route.name, 'logout');

  const { ctx } = routeContext(post, { clientIds: ['tab-1', ''] });
  const response = await route.handler(ctx);
  assert.equal(identity.tag, 'anonymous', 'switched before the response goes on');
  assert.equal(await response.text(), 'home');
  assert.deepEqual(notices, [{ message: switched('logout', true), except: ['tab-1', ''] }]);
  assert.deepEqual((await server.requests('/id6/logout')).map((r) => r.method), ['POST']);
});

test('a logout the server refused switches nobody; other logout paths can be given', async () => {
  const { identity, url } = setup('/id7/', { logout: ['bye', '/elsewhere/out'] });
  await identity.watch({})(tagged('alice'));
  await server.route('/id7/bye', { status: 500 });
  const post = (path: string) => new Request(server.url(path), { method: 'POST' });
  assert.equal(identity.unit.route?.(post('/id7/logout'), new URL(url('logout'))), undefined);
  assert.ok(identity.unit.route?.(post('/elsewhere/out'), new URL(server.url('/elsewhere/out'))));
  const route = identity.unit.route?.(post('/id7/bye'), new URL(url('bye')));
  assert.ok(route);
  assert.equal((await route.handler(routeContext(post('/id7/bye')).ctx)).status, 500);
  assert.equal(identity.tag, 'alice');
});

test('a scope holding ~ (/~alice/docs/) keeps its shared caches: names are parsed, never searched', async () => {
  const { identity, name, scopeCaches } = setup('/~alice/docs/');
  const shared = [name('meta'), name('precache'), name('runtime', { name: 'api' })];
  const elsewhere = [cacheName({ scope: '/~alice/', kind: 'pages', owner: 'alice' }), cacheName({ scope: '/', kind: 'pages', owner: 'carol' })];
  await identity.watch({})(tagged('alice'));
  await openAll([...shared, name('pages', { owner: 'alice' }), ...elsewhere]);

  await identity.watch({})(tagged('bob'));
  assert.deepEqual(await scopeCaches(), shared.sort());
  for (const other of elsewhere) assert.ok(await caches.has(other), `${other} belongs to another scope`);
});
