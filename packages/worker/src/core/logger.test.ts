import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGE } from '@shellac/protocol';
import { fetchEnv } from '../testing/fetch-env.js';
import { lateMeta } from '../testing/late-meta.js';
import { createCore } from './create-core.js';
import { createLogger } from './logger.js';
import { createMetaStore, type MetaStore } from './meta-store.js';

// Runs in a service worker; the flag is a record in a real meta cache.
let stores = 0;
/** A meta store of its own (one per test). */
const freshMeta = (): MetaStore => createMetaStore({ cacheName: `logger-test-${++stores}:meta`, base: `${location.origin}/__shellac/` });
const built = { count: 0 };
const line = (text: string) => () => (built.count++, text);

test("a restarted worker's first routing line is printed once the flag reads back on", async () => {
  const meta = freshMeta();
  await meta.put('debug', true);
  const late = lateMeta(meta);
  const logger = createLogger({ meta: late.meta });
  const core = createCore({ units: [{ route: () => ({ name: 'pages', handler: async () => new Response('page') }) }], log: logger.log });
  // The request that woke the worker is answered while the flag is still being read.
  const answered = core(new Request(`${location.origin}/guide/?a=1`), fetchEnv().env);
  assert.equal(await (await answered)?.text(), 'page');
  logger.log(line('a line built only when printed'));
  assert.deepEqual(logger.recent(), []);
  assert.equal(built.count, 0);

  late.release();
  assert.equal((await logger.unit.state?.())?.debug, true);
  assert.equal(logger.on, true);
  assert.deepEqual(logger.recent(), ['GET /guide/?a=1 → pages', 'a line built only when printed']);
  logger.log('after');
  assert.deepEqual(logger.recent().at(-1), 'after');
});

test('held lines are dropped, never built, when the flag reads back off', async () => {
  built.count = 0;
  const late = lateMeta(freshMeta());
  const logger = createLogger({ meta: late.meta });
  logger.log(line('held'));
  logger.log('held too');
  late.release();
  assert.equal((await logger.unit.state?.())?.debug, false);
  logger.log(line('off'));
  assert.deepEqual(logger.recent(), []);
  assert.equal(built.count, 0);
});

test('set persists the flag for the next worker; set(false) deletes it', async () => {
  const meta = freshMeta();
  const first = createLogger({ meta });
  await first.set(true);
  assert.equal(await meta.get('debug'), true);
  const second = createLogger({ meta });
  assert.equal((await second.unit.state?.())?.debug, true);
  await second.unit.messages?.[MESSAGE.debug]?.({ type: MESSAGE.debug, on: false });
  assert.equal(await meta.get('debug'), undefined);
  assert.equal(second.on, false);
  assert.equal((await createLogger({ meta }).unit.state?.())?.debug, false);
});

test('on from the start (config debug) prints at once; without a meta store nothing is held', async () => {
  const late = lateMeta(freshMeta()); // never released: an `on` logger must not wait for it
  const on = createLogger({ on: true, meta: late.meta });
  on.log('at once');
  assert.deepEqual(on.recent(), ['at once']);
  const plain = createLogger();
  plain.log('dropped');
  await plain.set(true);
  plain.log('printed');
  assert.deepEqual(plain.recent(), ['printed']);
});

test('recent() keeps the last lines, oldest first', () => {
  const logger = createLogger({ on: true, keep: 3 });
  for (let i = 1; i <= 5; i++) logger.log(`line ${i}`);
  assert.deepEqual(logger.recent(), ['line 3', 'line 4', 'line 5']);
});
