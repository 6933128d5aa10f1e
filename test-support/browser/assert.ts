/**
 * `node:assert/strict` for tests that run in the browser: the same names and the same checks,
 * with messages that show the actual value against the expected one.
 */
import { AssertionError } from './assertion-error.js';
import { isDeepStrictEqual } from './deep-equal.js';
import { diffLines } from './diff-lines.js';
import { inspect } from './inspect.js';

type Message = string | Error | undefined;
/** What `throws` and `rejects` check the error against, as in Node: a pattern, a class or validator, an object of keys. */
type Expected = RegExp | Function | Record<string, unknown> | Error | undefined;

function raise(message: Message, generated: string, actual: unknown, expected: unknown, operator: string): never {
  if (message instanceof Error) throw message;
  const text = message === undefined ? generated : message;
  throw new AssertionError({ message: text, actual, expected, operator, generatedMessage: message === undefined });
}

function difference(title: string, actual: unknown, expected: unknown): string {
  const a = inspect(actual);
  const e = inspect(expected);
  if (a === e) return `Values have same structure but are not reference-equal:\n\n${a}\n`;
  // Two objects: one entry per line, so the diff points at the entries that differ.
  const wide = typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null;
  const diff = wide ? diffLines(inspect(actual, { width: 0 }), inspect(expected, { width: 0 })) : diffLines(a, e);
  return `${title}\n+ actual - expected\n\n${diff}\n`;
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) raise(message, `The expression evaluated to a falsy value: ${inspect(value)}\n`, value, true, '==');
}

export function strictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) raise(message, difference('Expected values to be strictly equal:', actual, expected), actual, expected, 'strictEqual');
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) raise(message, `Expected "actual" to be strictly unequal to: ${inspect(expected)}\n`, actual, expected, 'notStrictEqual');
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) raise(message, difference('Expected values to be strictly deep-equal:', actual, expected), actual, expected, 'deepStrictEqual');
}

export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (isDeepStrictEqual(actual, expected)) raise(message, `Expected "actual" not to be strictly deep-equal to: ${inspect(expected)}\n`, actual, expected, 'notDeepStrictEqual');
}

export function match(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    raise(message, `The input did not match the regular expression ${pattern}. Input:\n\n${inspect(value)}\n`, value, pattern, 'match');
  }
}

export function doesNotMatch(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || pattern.test(value)) {
    raise(message, `The input was expected to not match the regular expression ${pattern}. Input:\n\n${inspect(value)}\n`, value, pattern, 'doesNotMatch');
  }
}

export function fail(message: Message = 'Failed'): never {
  raise(message, 'Failed', undefined, undefined, 'fail');
}

export function ifError(value: unknown): void {
  if (value !== null && value !== undefined) raise(undefined, `ifError got unwanted exception: ${inspect(value)}`, value, null, 'ifError');
}

/** Checks a caught error against what `throws`/`rejects` expected; throws when it does not fit. */
function check(error: unknown, expected: Expected, message: Message, operator: string): void {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(error))) raise(message, `The input did not match the regular expression ${expected}. Input:\n\n${inspect(String(error))}\n`, error, expected, operator);
    return;
  }
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) {
      raise(message, `The error is expected to be an instance of "${expected.name}". Received ${inspect(error)}\n`, error, expected, operator);
    }
    const verdict: unknown = (expected as (e: unknown) => unknown)(error); // a validation function, as Node calls it
    if (verdict !== true) raise(message, `The "validate" function is expected to return "true". Received ${inspect(verdict)}\n\nCaught error:\n\n${inspect(error)}`, error, expected, operator);
    return;
  }
  // An object: each of its keys must deep-equal the error's (a RegExp tests a string key).
  const got = error as Record<string, unknown>; // read only at the expected keys
  const want = expected as Record<string, unknown>;
  const keys = expected instanceof Error ? ['name', 'message', ...Object.keys(expected)] : Object.keys(expected);
  for (const key of keys) {
    const w = want[key];
    const g = got?.[key];
    const fits = w instanceof RegExp && typeof g === 'string' ? w.test(g) : isDeepStrictEqual(g, w);
    if (!fits) {
      const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o?.[k]]));
      raise(message, difference('Expected values to be strictly deep-equal:', pick(got), pick(want)), error, expected, operator);
    }
  }
}

export function throws(fn: () => unknown, expected?: Expected | string, message?: Message): void {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (error) {
    check(error, expected, message, 'throws');
    return;
  }
  raise(message, `Missing expected exception${typeof expected === 'function' && expected.name ? ` (${expected.name})` : ''}.`, undefined, expected, 'throws');
}

export function doesNotThrow(fn: () => unknown, message?: Message): void {
  try {
    fn();
  } catch (error) {
    raise(message, `Got unwanted exception.\nActual message: "${(error as Error)?.message ?? String(error)}"`, error, undefined, 'doesNotThrow'); // any thrown value; Errors have a message
  }
}

const settle = (input: Promise<unknown> | (() => Promise<unknown>)) => (typeof input === 'function' ? Promise.resolve().then(input) : input);

export async function rejects(input: Promise<unknown> | (() => Promise<unknown>), expected?: Expected | string, message?: Message): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  let value: unknown;
  try {
    value = await settle(input);
  } catch (error) {
    check(error, expected, message, 'rejects');
    return;
  }
  raise(message, `Missing expected rejection${typeof expected === 'function' && expected.name ? ` (${expected.name})` : ''}. Resolved with ${inspect(value)}`, value, expected, 'rejects');
}

export async function doesNotReject(input: Promise<unknown> | (() => Promise<unknown>), message?: Message): Promise<void> {
  try {
    await settle(input);
  } catch (error) {
    raise(message, `Got unwanted rejection.\nActual message: "${(error as Error)?.message ?? String(error)}"`, error, undefined, 'doesNotReject'); // any rejection; Errors have a message
  }
}

/** `node:assert/strict`: the loose names are the strict checks. */
function assert(value: unknown, message?: Message): asserts value {
  ok(value, message);
}
export { AssertionError, strictEqual as equal, notStrictEqual as notEqual, deepStrictEqual as deepEqual, notDeepStrictEqual as notDeepEqual };
const methods = {
  ok, equal: strictEqual, notEqual: notStrictEqual, strictEqual, notStrictEqual, deepEqual: deepStrictEqual,
  notDeepEqual: notDeepStrictEqual, deepStrictEqual, notDeepStrictEqual, match, doesNotMatch, throws, doesNotThrow,
  rejects, doesNotReject, fail, ifError, AssertionError,
};
export const strict = Object.assign(assert, methods, { strict: assert });
export default strict;
