import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure, describeProgress, formatBytes, measureProgress } from './describe-save.js';

test('formatBytes uses decimal units with one decimal below 10', () => {
  assert.deepEqual([0, 999, 1000, 1500, 12_345, 968_163, 2_500_000, 1e9, 4e15].map(formatBytes), ['0 B', '999 B', '1.0 kB', '1.5 kB', '12 kB', '968 kB', '2.5 MB', '1.0 GB', '4000 TB']);
});

test("the worker's own fetches are measured in files, Background Fetch in bytes", () => {
  const none = { done: 0, total: 0 };
  // The worker: the page first, then each file as it arrives (sizes known only then).
  assert.deepEqual(measureProgress({ files: { done: 0, total: 1 }, bytes: none }), { done: 0, total: 1, unit: 'files' });
  assert.deepEqual(measureProgress({ files: { done: 2, total: 3 }, bytes: { done: 9000, total: 9000 } }), { done: 2, total: 3, unit: 'files' });
  // Background Fetch: bytes so far, their total when the page gave one, files only at the end.
  assert.deepEqual(measureProgress({ files: { done: 0, total: 3 }, bytes: { done: 500, total: 0 } }), { done: 500, total: 0, unit: 'bytes' });
  assert.deepEqual(measureProgress({ files: { done: 0, total: 3 }, bytes: { done: 500, total: 2000 } }), { done: 500, total: 2000, unit: 'bytes' });
  // A total below what arrived is no total.
  assert.deepEqual(measureProgress({ files: { done: 0, total: 3 }, bytes: { done: 500, total: 100 } }), { done: 500, total: 0, unit: 'bytes' });
});

test('describeProgress says how far in a few words', () => {
  const none = { done: 0, total: 0 };
  assert.equal(describeProgress({ files: { done: 0, total: 1 }, bytes: none }), 'Saving…');
  assert.equal(describeProgress({ files: { done: 1, total: 1 }, bytes: { done: 10, total: 10 } }), 'Saving…');
  assert.equal(describeProgress({ files: { done: 2, total: 3 }, bytes: none }), 'Saving… 2 of 3 files');
  assert.equal(describeProgress({ files: { done: 0, total: 3 }, bytes: { done: 1_200_000, total: 0 } }), 'Saving… 1.2 MB');
  assert.equal(describeProgress({ files: { done: 0, total: 3 }, bytes: { done: 399, total: 1000 } }), 'Saving… 39%');
});

test('describeFailure gives a short reason and what helps, per code', () => {
  assert.equal(describeFailure({ code: 'http', status: 404 }), 'Not saved: a file of this page is missing (error 404). Try again later.');
  assert.equal(describeFailure({ code: 'network' }), 'Not saved: the connection was lost. Try again when you are online.');
  assert.equal(describeFailure({ code: 'quota', needed: 3_000_000, available: 1_000_000 }), 'Not saved: not enough space on this device (2.0 MB more needed). Remove saved pages to make room.');
  assert.equal(describeFailure({ code: 'quota', needed: 968_163 }), 'Not saved: not enough space on this device (968 kB needed). Remove saved pages to make room.');
  assert.equal(describeFailure({ code: 'quota' }), 'Not saved: not enough space on this device. Remove saved pages to make room.');
  assert.equal(describeFailure({ code: 'cancelled' }), 'Not saved: the save was cancelled.');
  assert.equal(describeFailure({ code: 'bad-url' }), 'Not saved: this is not a page of this site.');
  assert.equal(describeFailure({ code: 'user-changed' }), 'Not saved: you signed in or out while saving. Try again.');
});
