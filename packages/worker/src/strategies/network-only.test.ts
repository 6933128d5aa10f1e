import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { routeContext } from '../testing/route-context.js';
import { networkOnly } from './network-only.js';

// Runs in a service worker: the network is the test server.
const server = testServer();
beforeEach(() => server.reset());

test('the network answers every time, and the runtime sees the response first', async () => {
  await server.route('/no/1', [{ body: 'one' }, { body: 'two' }]);
  const seen: string[] = [];
  const handler = networkOnly();
  for (const expected of ['one', 'two']) {
    const { ctx } = routeContext(new Request(server.url('/no/1')), { observe: async (r) => void seen.push(r.url) });
    assert.equal(await (await handler(ctx)).text(), expected);
  }
  assert.deepEqual(seen, [server.url('/no/1'), server.url('/no/1')]);
});

test('offline, the network error goes to whoever recovers', async () => {
  await server.route('/no/2', { fail: 'reset' });
  await assert.rejects(networkOnly()(routeContext(new Request(server.url('/no/2'))).ctx), TypeError);
});

test('a navigation preload is used instead of a second request', async () => {
  await server.route('/no/3', { body: 'network' });
  const { ctx } = routeContext(new Request(server.url('/no/3')), { preload: Promise.resolve(new Response('preloaded')) });
  assert.equal(await (await networkOnly()(ctx)).text(), 'preloaded');
  const { ctx: failed } = routeContext(new Request(server.url('/no/3')), { preload: Promise.reject(new TypeError('preload failed')) });
  assert.equal(await (await networkOnly()(failed)).text(), 'network', 'a failed preload falls back to fetch');
  assert.equal((await server.requests('/no/3')).length, 1);
});
