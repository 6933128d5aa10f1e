/**
 * `node:test` for tests that run in the browser: `test` (with `skip` and `todo`) and the four
 * file-level hooks. The runner's bundler puts this module in place of `node:test`.
 */
import type { TestFn, TestOptions } from './run-test.js';
import { createSuite, type HookKind } from './suite.js';

/**
 * The one suite of this bundle. `node:test` registers tests by calling a global `test()`, so the
 * suite is module state by that API's design; a bundle holds one test file, so it is that file's.
 */
export const suite = createSuite();

type Args = [name: string | TestFn, options?: TestOptions | TestFn, fn?: TestFn];

function declare(extra: TestOptions, ...[a, b, c]: Args): Promise<void> {
  const fn = typeof a === 'function' ? a : typeof b === 'function' ? b : c;
  const name = typeof a === 'string' ? a : fn?.name || '<anonymous>';
  const options = typeof b === 'object' ? b : {};
  return suite.add(name, { ...options, ...extra }, fn);
}

export const test = Object.assign((...args: Args) => declare({}, ...args), {
  skip: (...args: Args) => declare({ skip: true }, ...args),
  todo: (...args: Args) => declare({ todo: true }, ...args),
});

const hook = (kind: HookKind) => (fn: () => unknown) => suite.hook(kind, fn);
export const before = hook('before');
export const after = hook('after');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');
export default test;
