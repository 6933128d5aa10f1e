import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheName, MESSAGE } from '@shellac/protocol';
import { cacheable } from '../caches/cacheable.js';
import { createCacheRegistry } from '../caches/cache-registry.js';
import { lateMeta } from '../testing/late-meta.js';
import { testCache } from '../testing/test-cache.js';
import { pagesUnit } from '../units/pages-unit.js';
import { createLifecycle } from './create-lifecycle.js';
import { createMessages, type MessageEventLike } from './create-messages.js';
import { createLogger } from './logger.js';
import { createMetaStore } from './meta-store.js';
import type { Unit } from './unit.js';

// Runs in a service worker; replies travel on a real MessageChannel, as a page's would.
const scope = new URL('/msg/', location.origin);

/** A page's side of the channel: send messages, read the replies in the order they came. */
const pageOf = (onMessage: (event: MessageEventLike) => void) => {
  const { port1, port2 } = new MessageChannel();
  const replies: unknown[] = [];
  let wake = () => {};
  port2.onmessage = (event) => (replies.push(event.data), wake());
  return {
    replies,
    /** Sends `data`; resolves with how many promises the dispatcher handed `waitUntil` (work started). */
    send(data: unknown) {
      let work = 0;
      onMessage({ data, ports: [port1], waitUntil: () => void work++ });
      return work;
    },
    reply: () => (replies.length ? Promise.resolve(replies.shift()) : new Promise<unknown>((resolve) => (wake = () => resolve(replies.shift())))),
  };
};

const lines: string[] = [];
const log = (line: string | (() => string)) => void lines.push(typeof line === 'function' ? line() : line);
const echo: Unit = {
  messages: {
    'test:echo': (m) => ({ echoed: m.value }),
    'test:quiet': () => undefined,
    'test:fail': async () => {
      throw new Error('disk on fire');
    },
  },
};

test('a known type is answered on its port', async () => {
  const page = pageOf(createMessages([echo], log));
  assert.equal(page.send({ type: 'test:echo', value: 1 }), 1);
  assert.deepEqual(await page.reply(), { echoed: 1 });
});

test('unknown types, and what is not a message at all, are ignored: no work, no reply, no error', async () => {
  const page = pageOf(createMessages([echo], log));
  for (const data of [{ type: 'other-library:hello' }, { type: 42 }, {}, 'shellac:status', null, undefined]) assert.equal(page.send(data), 0, JSON.stringify(data));
  page.send({ type: 'test:quiet' });
  page.send({ type: 'test:echo', value: 2 });
  assert.deepEqual(await page.reply(), { echoed: 2 }, 'the first reply on the port is the last message’s');
  assert.deepEqual(page.replies, []);
});

test('a known type with bad fields is answered { ok: false, error }, and the next message is answered as usual', async () => {
  const pages = pagesUnit({ cache: testCache('msg-pages'), cacheable: cacheable(), timeoutSeconds: 3, scope, skip: () => false });
  const page = pageOf(createMessages([pages, echo], log));
  for (const urls of ['x', [1], undefined]) {
    page.send({ type: MESSAGE.cacheUrls, urls });
    const reply = (await page.reply()) as { ok: boolean; error: string }; // an ErrorReply, checked field by field
    assert.equal(reply.ok, false);
    assert.match(reply.error, /bad-message.*"field":"urls"/);
  }
  page.send({ type: 'test:echo', value: 3 });
  assert.deepEqual(await page.reply(), { echoed: 3 });
});

test('a handler that fails is answered { ok: false, error } and logged', async () => {
  lines.length = 0;
  const page = pageOf(createMessages([echo], log));
  page.send({ type: 'test:fail' });
  assert.deepEqual(await page.reply(), { ok: false, error: 'Error: disk on fire' });
  assert.deepEqual(lines, ['message test:fail failed: Error: disk on fire']);
});

test('status is answered once the remembered debug flag is read back', async () => {
  const meta = createMetaStore({ cacheName: cacheName({ scope: scope.pathname, kind: 'meta' }), base: `${scope.href}__shellac/` });
  await meta.put('debug', true); // set from a page before the browser stopped the worker
  const late = lateMeta(meta);
  const logger = createLogger({ meta: late.meta });
  const registry = createCacheRegistry({ scope: scope.pathname, meta });
  const lifecycle = createLifecycle({ units: [logger.unit], version: 'v7', scope, drop: registry.drop, log: logger.log });
  const page = pageOf(createMessages([logger.unit, lifecycle.unit], logger.log));

  page.send({ type: MESSAGE.status });
  late.release();
  assert.equal((await page.reply() as { debug?: boolean }).debug, true, 'not the `false` of a flag still unread'); // a status reply
});
