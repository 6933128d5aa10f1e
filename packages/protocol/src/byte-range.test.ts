import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRange } from './index.js';

test('byte ranges: closed, open, suffix, several, clipped to the size', () => {
  assert.deepEqual(parseRange('bytes=0-99', 1000), [{ start: 0, end: 99 }]);
  assert.deepEqual(parseRange('bytes=500-', 1000), [{ start: 500, end: 999 }]);
  assert.deepEqual(parseRange('bytes=-100', 1000), [{ start: 900, end: 999 }]);
  assert.deepEqual(parseRange('bytes=-2000', 1000), [{ start: 0, end: 999 }]);
  assert.deepEqual(parseRange('bytes=900-5000', 1000), [{ start: 900, end: 999 }]);
  assert.deepEqual(parseRange('bytes=0-0, 10-19,', 1000), [{ start: 0, end: 0 }, { start: 10, end: 19 }]);
  assert.deepEqual(parseRange('BYTES=5-9', 1000), [{ start: 5, end: 9 }]);
});

test('ranges past the end are unsatisfiable; malformed or foreign units are ignored', () => {
  assert.equal(parseRange('bytes=1000-', 1000), 'unsatisfiable');
  assert.equal(parseRange('bytes=2000-3000', 1000), 'unsatisfiable');
  assert.equal(parseRange('bytes=-0', 1000), 'unsatisfiable');
  assert.equal(parseRange('bytes=0-', 0), undefined, 'an empty representation is sent whole');
  for (const header of [null, undefined, '', 'items=0-1', 'bytes=', 'bytes=a-b', 'bytes=5-1', 'bytes=-', 'bytes=1-2-3', 'bytes = 0-1']) {
    assert.equal(parseRange(header, 1000), undefined, String(header));
  }
});
