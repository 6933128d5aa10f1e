import assert, { AssertionError } from 'node:assert/strict';
import { test } from 'node:test';

// The browser's node:assert/strict (this file imports test-support/browser/assert.ts through the
// runner's bundler). Run under Node (node --import tsx --test), every test but the one on message
// formats passes too: the checks are Node's.

/** The message of the AssertionError `fn` throws; fails when it throws none. */
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AssertionError) return error.message;
    throw error;
  }
  throw new Error('no AssertionError was thrown');
};

test('deepEqual compares as Node does: Object.is, prototypes, Maps, Sets, dates, binary', () => {
  assert.deepEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] });
  assert.deepEqual(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]));
  assert.deepEqual(new Set([[1], [2]]), new Set([[2], [1]]));
  assert.deepEqual(new Date(5), new Date(5));
  assert.deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
  assert.notDeepEqual(0, -0);
  assert.notDeepEqual({ a: 1 }, Object.assign(Object.create(null), { a: 1 }));
  assert.notDeepEqual([1, 2], { 0: 1, 1: 2, length: 2 });
  assert.notDeepEqual(new Set([1]), new Set(['1']));
  assert.notDeepEqual(new URL('https://a.test/x'), new URL('https://a.test/y'));
  assert.notDeepEqual({ a: undefined }, {});
});

test('failures show the actual value against the expected one', () => {
  assert.match(messageOf(() => assert.equal(1, 2)), /strictly equal:\n\+ actual - expected\n\n\+ 1\n- 2/);
  const deep = messageOf(() => assert.deepEqual({ a: 1, b: 'x' }, { a: 1, b: 'y' }));
  assert.match(deep, /strictly deep-equal:/);
  assert.match(deep, /^\+ {3}b: 'x'$/m);
  assert.match(deep, /^- {3}b: 'y'$/m);
  assert.match(deep, /^ {4}a: 1,$/m);
  assert.match(messageOf(() => assert.equal({}, {})), /same structure but are not reference-equal/);
  assert.equal(messageOf(() => assert.ok(0, 'my words')), 'my words');
});

test('throws and rejects check the error by class, pattern, validator or object', async () => {
  const boom = () => {
    throw new TypeError('boom 42');
  };
  assert.throws(boom);
  assert.throws(boom, TypeError);
  assert.throws(boom, /boom \d+/);
  assert.throws(boom, { name: 'TypeError', message: /42/ });
  assert.throws(boom, (e) => e instanceof TypeError);
  assert.match(messageOf(() => assert.throws(boom, RangeError)), /instance of "RangeError"/);
  assert.match(messageOf(() => assert.throws(() => {})), /Missing expected exception/);
  await assert.rejects(Promise.reject(new Error('no')), /no/);
  await assert.rejects(async () => boom(), TypeError);
  await assert.doesNotReject(Promise.resolve(1));
  await assert.rejects(assert.rejects(Promise.resolve(3)), /Missing expected rejection/);
  await assert.rejects(assert.doesNotReject(Promise.reject(new Error('late'))), /Got unwanted rejection/);
});

test('match, doesNotMatch, fail and the assert function itself', () => {
  assert.match('hello', /^h/);
  assert.doesNotMatch('hello', /^x/);
  assert.match(messageOf(() => assert.match('hello', /^x/)), /did not match the regular expression \/\^x\/\. Input:\n\n'hello'/);
  assert.match(messageOf(() => assert.doesNotMatch('hello', /^h/)), /expected to not match/);
  assert.equal(messageOf(() => assert.fail('stop')), 'stop');
  assert(true);
  assert.match(messageOf(() => assert(false)), /falsy value: false/);
});
