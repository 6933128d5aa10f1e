import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Handler } from './route-context.js';
import { createRouter } from './router.js';

const scope = new URL('https://example.org/docs/');
const handler = (name: string): Handler => Object.assign(async () => new Response(name), { id: name });
const find = (router: ReturnType<typeof createRouter>, url: string, init?: RequestInit) => {
  const request = new Request(url, init);
  return router.find(request, new URL(request.url));
};

test('patterns are relative to the scope and capture parameters', () => {
  const router = createRouter(scope).add('lessons/:id', handler('lesson'), 'lesson');
  const hit = find(router, 'https://example.org/docs/lessons/42?x=1');
  assert.equal(hit?.name, 'lesson');
  assert.deepEqual(hit?.params, { id: '42' });
  assert.equal(find(router, 'https://example.org/lessons/42'), undefined);
  assert.equal(find(router, 'https://example.org/docs/lessons/42/notes'), undefined);
});

test('a trailing * captures the rest, and an absolute pattern ignores the scope', () => {
  const router = createRouter(scope).add('/api/*', handler('api'), 'api');
  assert.deepEqual(find(router, 'https://example.org/api/v1/users')?.params, { '*': 'v1/users' });
});

test('string patterns never match other origins', () => {
  const router = createRouter(scope).add('/api/*', handler('api'));
  assert.equal(find(router, 'https://cdn.example.com/api/x'), undefined);
});

test('a RegExp matches the full URL, but cross-origin only from its first character', () => {
  const router = createRouter(scope).add(/\.png$/, handler('png'), 'png');
  assert.equal(find(router, 'https://example.org/docs/a.png')?.name, 'png');
  assert.equal(find(router, 'https://cdn.example.com/a.png'), undefined);
  const cdn = createRouter(scope).add(/^https:\/\/cdn\.example\.com\/(?<file>.*)$/, handler('cdn'), 'cdn');
  assert.deepEqual(find(cdn, 'https://cdn.example.com/a.png')?.params, { file: 'a.png' });
});

test('routes match GET unless told otherwise, and the first match wins', () => {
  const router = createRouter(scope)
    .add({ url: 'form', method: 'POST' }, handler('post'), 'post')
    .add('form', handler('first'), 'first')
    .add('form', handler('second'), 'second');
  assert.equal(find(router, 'https://example.org/docs/form')?.name, 'first');
  assert.equal(find(router, 'https://example.org/docs/form', { method: 'POST' })?.name, 'post');
});

test('a function matcher decides alone; the default takes GETs no route took', () => {
  const router = createRouter(scope).add((url) => url.searchParams.has('live'), handler('live'), 'live');
  assert.equal(find(router, 'https://example.org/docs/x?live')?.name, 'live');
  assert.equal(find(router, 'https://example.org/docs/x'), undefined);
  router.setDefault(handler('default'));
  assert.equal(find(router, 'https://example.org/docs/x')?.name, 'default');
  assert.equal(find(router, 'https://example.org/docs/x', { method: 'DELETE' }), undefined);
});

test('a full-URL pattern matches on its own origin only', () => {
  const router = createRouter(scope).add('https://cdn.example.com/fonts/*', handler('cdn'), 'cdn');
  assert.equal(find(router, 'https://cdn.example.com/fonts/a.woff2')?.name, 'cdn');
  assert.equal(find(router, 'https://example.org/fonts/a.woff2'), undefined);
});

test('a malformed escape in a captured segment is kept raw instead of throwing', () => {
  const router = createRouter(scope).add('lessons/:id', handler('lesson'));
  assert.deepEqual(find(router, 'https://example.org/docs/lessons/%E0%A4%A')?.params, { id: '%E0%A4%A' });
});
