import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectEvictions, type EntryMeta } from './select-evictions.js';

const index = (...rows: [string, number, number, number][]) =>
  new Map<string, EntryMeta>(rows.map(([url, stored, used, size]) => [url, { stored, used, size }]));

test('nothing is evicted within the limits', () => {
  assert.deepEqual(selectEvictions(index(['a', 1, 1, 10]), { maxEntries: 1, maxBytes: 10, maxAgeSeconds: 5 }, 1000), []);
});

test('maxEntries evicts the least recently used, not the oldest stored', () => {
  const entries = index(['a', 1, 50, 1], ['b', 2, 10, 1], ['c', 3, 30, 1]);
  assert.deepEqual(selectEvictions(entries, { maxEntries: 2 }, 100), ['b']);
  assert.deepEqual(selectEvictions(entries, { maxEntries: 1 }, 100), ['b', 'c']);
});

test('maxBytes evicts until the total fits', () => {
  const entries = index(['a', 1, 1, 600], ['b', 1, 2, 300], ['c', 1, 3, 300]);
  assert.deepEqual(selectEvictions(entries, { maxBytes: 700 }, 10), ['a']);
  assert.deepEqual(selectEvictions(entries, { maxBytes: 299 }, 10), ['a', 'b', 'c']);
});

test('maxAgeSeconds evicts by time stored, whatever the use', () => {
  const entries = index(['old', 0, 9_999, 1], ['new', 9_000, 9_000, 1]);
  assert.deepEqual(selectEvictions(entries, { maxAgeSeconds: 5 }, 10_000), ['old']);
});

test('expired entries count toward freeing room', () => {
  const entries = index(['old', 0, 0, 100], ['x', 9_000, 1, 100], ['y', 9_000, 2, 100]);
  assert.deepEqual(selectEvictions(entries, { maxAgeSeconds: 5, maxEntries: 2 }, 10_000), ['old']);
});
