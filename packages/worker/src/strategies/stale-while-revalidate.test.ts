import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { routeContext } from '../testing/route-context.js';
import { testCache } from '../testing/test-cache.js';
import { staleWhileRevalidate } from './stale-while-revalidate.js';

// Runs in a service worker: the Cache API is the browser's, the network is the test server.
const server = testServer();
beforeEach(() => server.reset());

const ask = (path: string) => routeContext(new Request(server.url(path)));

test('a miss is answered by the network and kept', async () => {
  await server.route('/swr/1', { body: 'one' });
  const handler = staleWhileRevalidate({ cache: testCache('swr-miss') });
  const { ctx, settled } = ask('/swr/1');
  assert.equal(await (await handler(ctx)).text(), 'one');
  await settled();
  assert.equal(await (await caches.open('swr-miss')).match(server.url('/swr/1')).then((r) => r?.text()), 'one');
});

test('a hit is answered at once while the network refreshes it for next time', async () => {
  await server.route('/swr/2', [{ body: 'v1' }, { fail: 'hang' }]);
  const handler = staleWhileRevalidate({ cache: testCache('swr-hit') });
  const first = ask('/swr/2');
  await (await handler(first.ctx)).text();
  await first.settled();

  // The network never answers: the hit cannot have waited for it.
  const hanging = ask('/swr/2');
  assert.equal(await (await handler(hanging.ctx)).text(), 'v1');
  await server.reset(); // ends the hanging request
  await hanging.settled();

  await server.route('/swr/2', { body: 'v2' });
  const stale = ask('/swr/2');
  assert.equal(await (await handler(stale.ctx)).text(), 'v1');
  await stale.settled();
  assert.equal(await (await handler(ask('/swr/2').ctx)).text(), 'v2');
});

test('offline, a hit still answers and the failed refresh is no error', async () => {
  await server.route('/swr/3', [{ body: 'kept' }, { fail: 'reset' }]);
  const handler = staleWhileRevalidate({ cache: testCache('swr-offline') });
  const first = ask('/swr/3');
  await (await handler(first.ctx)).text();
  await first.settled();
  const offline = ask('/swr/3');
  assert.equal(await (await handler(offline.ctx)).text(), 'kept');
  await offline.settled();
  assert.equal(await (await handler(ask('/swr/3').ctx)).text(), 'kept');
});
