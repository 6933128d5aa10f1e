import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { ShellacWorkerError } from '../errors.js';
import { routeContext } from '../testing/route-context.js';
import { testCache } from '../testing/test-cache.js';
import { cacheOnly } from './cache-only.js';

// Runs in a service worker: the Cache API is the browser's, the network is the test server.
const server = testServer();
beforeEach(() => server.reset());

test('a hit is answered from the cache; a miss is a cache-miss error; the network is never asked', async () => {
  await server.route('/co/1', { body: 'network' });
  const cache = testCache('co');
  await cache.put(server.url('/co/1'), new Response('cached'));
  const handler = cacheOnly({ cache });
  assert.equal(await (await handler(routeContext(new Request(server.url('/co/1'))).ctx)).text(), 'cached');
  await assert.rejects(
    handler(routeContext(new Request(server.url('/co/2'))).ctx),
    (e: unknown) => e instanceof ShellacWorkerError && e.code === 'cache-miss' && e.details.url === server.url('/co/2') && e.details.cache === 'co',
  );
  assert.deepEqual(await server.requests(), []);
});
