import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { testServer } from './server.js';

// The test server itself, driven from a page as the other tests drive it.
const server = testServer();
beforeEach(() => server.reset());

test('a route answers with its status, headers and body; the log keeps each request', async () => {
  await server.route('/a', { status: 201, headers: { 'X-Kind': 'test' }, body: 'made' });
  const before = Date.now();
  const response = await fetch('/a?x=1', { method: 'POST', body: 'hello', headers: { 'X-Asked': 'yes' } });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('x-kind'), 'test');
  assert.equal(await response.text(), 'made');
  const [logged, ...more] = await server.requests('/a');
  assert.equal(more.length, 0);
  assert.equal(logged?.method, 'POST');
  assert.equal(logged?.path, '/a?x=1');
  assert.equal(logged?.headers['x-asked'], 'yes');
  assert.equal(logged?.body, 'hello');
  assert.ok(logged!.time >= before - 1000 && logged!.time <= Date.now() + 1000, 'time is the clock the page reads');
});

test('a list of answers is served in turn, the last one repeating; a path with a query wins over the path alone', async () => {
  await server.route('/seq', [{ body: 'one' }, { status: 503, body: 'two' }, { body: 'three' }]);
  await server.route('/seq?v=2', { body: 'versioned' });
  const texts = [];
  for (let i = 0; i < 4; i++) texts.push(await (await fetch('/seq')).text());
  assert.deepEqual(texts, ['one', 'two', 'three', 'three']);
  assert.equal(await (await fetch('/seq?v=2')).text(), 'versioned');
  assert.equal(await (await fetch('/seq?v=3')).text(), 'three');
});

test('an unrouted path is a 404, and a route must not take the runner\'s paths', async () => {
  assert.equal((await fetch('/nowhere')).status, 404);
  await assert.rejects(server.route('/__unit/page.html', { body: 'x' }), /must start with \/ and not with \/__unit\//);
  await assert.rejects(server.route('/x', { fail: 'maybe' as 'reset' }), /fail is "reset", "hang" or "stall"/); // a wrong value on purpose
});

test('a reset answer fails the fetch as a dropped network does, and is sent once', async () => {
  await server.route('/gone', { fail: 'reset' });
  await assert.rejects(fetch('/gone'), TypeError);
  assert.equal((await server.requests('/gone')).length, 1);
});

test('delayed answers overlap: the peak counts the requests in flight at once', async () => {
  await server.route('/slow', { body: 'late', delay: 300 });
  const t0 = performance.now();
  const texts = await Promise.all([1, 2, 3].map((i) => fetch(`/slow?i=${i}`).then((r) => r.text())));
  assert.deepEqual(texts, ['late', 'late', 'late']);
  assert.ok(performance.now() - t0 >= 290, 'the delay held the answers');
  assert.equal(await server.peakInFlight(), 3);
});

test('reset() forgets routes and requests and ends a hanging request', async () => {
  await server.route('/hang', { fail: 'hang' });
  const hanging = assert.rejects(fetch('/hang'), TypeError);
  // Wait until the request has reached the server (one round trip per look, no clock).
  while (!(await server.requests('/hang')).length);
  await server.reset();
  await hanging;
  assert.deepEqual(await server.requests(), []);
  assert.equal((await fetch('/hang')).status, 404);
});

test('a stalled answer sends its head and half its body; the rest never comes', async () => {
  await server.route('/stall', { body: 'abcdefgh', fail: 'stall' });
  const response = await fetch('/stall');
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  assert.equal(new TextDecoder().decode((await reader.read()).value), 'abcd');
  const rest = assert.rejects(reader.read(), TypeError);
  await server.reset(); // ends it: the read that was waiting fails
  await rest;
});
