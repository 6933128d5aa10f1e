import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheable } from './cacheable.js';

const response = (status: number, headers: Record<string, string> = {}) => new Response(status === 204 ? null : 'x', { status, headers });

test('by default only 200 is kept', () => {
  const ok = cacheable();
  assert.equal(ok(response(200)), true);
  assert.equal(ok(response(404)), false);
  assert.equal(ok(response(500)), false);
  assert.equal(ok(response(206)), false);
});

test('no-store is never kept, whatever the statuses', () => {
  const ok = cacheable({ statuses: [200, 404] });
  assert.equal(ok(response(200, { 'Cache-Control': 'private, no-store' })), false);
  assert.equal(ok(response(200, { 'Cache-Control': 'max-age=0,no-store' })), false);
  assert.equal(ok(response(200, { 'Cache-Control': 'no-cache' })), true);
  assert.equal(ok(response(404)), true);
});

test('error responses are never kept', () => {
  assert.equal(cacheable({ opaque: true })(Response.error()), false);
});

test('private responses are kept only when asked', () => {
  const privately = response(200, { 'Cache-Control': 'private, max-age=60' });
  assert.equal(cacheable()(privately), false);
  assert.equal(cacheable({ private: true })(privately), true);
});
