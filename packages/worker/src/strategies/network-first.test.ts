import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from '../../../../test-support/server.js';
import { routeContext } from '../testing/route-context.js';
import { testCache } from '../testing/test-cache.js';
import { networkFirst } from './network-first.js';

// Runs in a service worker: the Cache API is the browser's, the network is the test server.
const server = testServer();
beforeEach(() => server.reset());

const ask = (path: string) => routeContext(new Request(server.url(path)));
const stored = async (cache: string, path: string) => (await (await caches.open(cache)).match(server.url(path)))?.text();

test('the network answers and its response is kept', async () => {
  await server.route('/nf/1', { body: 'fresh' });
  const { ctx, settled } = ask('/nf/1');
  assert.equal(await (await networkFirst({ cache: testCache('nf-online') })(ctx)).text(), 'fresh');
  await settled();
  assert.equal(await stored('nf-online', '/nf/1'), 'fresh');
});

test('offline, the kept copy answers; with no copy, the network error goes on', async () => {
  await server.route('/nf/2', [{ body: 'kept' }, { fail: 'reset' }]);
  await server.route('/nf/3', { fail: 'reset' });
  const handler = networkFirst({ cache: testCache('nf-offline') });
  const first = ask('/nf/2');
  await (await handler(first.ctx)).text();
  await first.settled();
  assert.equal(await (await handler(ask('/nf/2').ctx)).text(), 'kept');
  await assert.rejects(handler(ask('/nf/3').ctx), TypeError);
  assert.equal((await server.requests('/nf/2')).length, 2, 'the network was asked first');
});

test('slow, the kept copy answers after the timeout, and the late answer is kept for next time', async () => {
  await server.route('/nf/4', [{ body: 'old' }, { body: 'new', delay: 500 }]);
  const handler = networkFirst({ cache: testCache('nf-slow'), networkTimeoutSeconds: 0.05 });
  const first = ask('/nf/4');
  await (await handler(first.ctx)).text();
  await first.settled();

  const slow = ask('/nf/4');
  assert.equal(await (await handler(slow.ctx)).text(), 'old');
  await slow.settled();
  assert.equal(await stored('nf-slow', '/nf/4'), 'new');
});

test('slow with no copy, the network is waited for', async () => {
  await server.route('/nf/5', { body: 'late', delay: 200 });
  const { ctx } = ask('/nf/5');
  assert.equal(await (await networkFirst({ cache: testCache('nf-slow-miss'), networkTimeoutSeconds: 0.05 })(ctx)).text(), 'late');
});

test('what may not be kept is answered but not kept', async () => {
  await server.route('/nf/6', { body: 'secret', headers: { 'Cache-Control': 'no-store' } });
  await server.route('/nf/7', { status: 500, body: 'oops' });
  const handler = networkFirst({ cache: testCache('nf-refused') });
  for (const path of ['/nf/6', '/nf/7']) {
    const { ctx, settled } = ask(path);
    await (await handler(ctx)).text();
    await settled();
    assert.equal(await stored('nf-refused', path), undefined, path);
  }
  const kept = ask('/nf/7');
  await networkFirst({ cache: testCache('nf-statuses'), cacheable: (r) => r.status === 500 })(kept.ctx);
  await kept.settled();
  assert.equal(await stored('nf-statuses', '/nf/7'), 'oops', 'unless the route says otherwise');
});
