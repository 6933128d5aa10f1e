import { serializeError } from './serialize-error.js';
import type { Status, UnitEvent } from './unit-event.js';

/** What a test function gets (a subset of Node's `TestContext`). */
export interface BrowserTestContext {
  readonly name: string;
  /** Aborted when the test times out. */
  readonly signal: AbortSignal;
  /** A line printed under the test's result. */
  diagnostic(message: string): void;
  /** Marks the test skipped; the function goes on running. */
  skip(message?: string): void;
  /** Runs once the test is over, before `afterEach` hooks. */
  after(fn: () => unknown): void;
}

export type TestFn = (t: BrowserTestContext) => unknown;
export interface TestOptions {
  skip?: boolean | string;
  /** Runs the test, but its failure fails nothing (a known bug); the string says why. */
  todo?: boolean | string;
  /** Milliseconds; default 15000. */
  timeout?: number;
}

export interface TestRun {
  name: string;
  fn: TestFn;
  options: TestOptions;
  beforeEach(): Promise<void>;
  afterEach(): Promise<void>;
  /** Errors nobody caught while the test ran (unhandled rejections, errors in inserted scripts). */
  strays(): unknown[];
}

const TIMEOUT = 15_000;

/** Runs one test with its hooks and its own `after` functions; resolves with its result. */
export async function runTest(run: TestRun): Promise<UnitEvent> {
  const { name, fn, options } = run;
  const diagnostics: string[] = [];
  const controller = new AbortController();
  const afters: (() => unknown)[] = [];
  let skip: string | undefined;
  const context: BrowserTestContext = {
    name,
    signal: controller.signal,
    diagnostic: (m) => void diagnostics.push(m),
    skip: (m = '') => void (skip = m),
    after: (f) => void afters.push(f),
  };
  const timeout = options.timeout ?? TIMEOUT;
  const t0 = performance.now();
  const errors: unknown[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => (controller.abort(), reject(new Error(`test timed out after ${timeout} ms`))), timeout);
  });
  try {
    await run.beforeEach();
    await Promise.race([Promise.resolve().then(() => fn(context)), expired]);
  } catch (error) {
    errors.push(error);
  } finally {
    clearTimeout(timer);
  }
  for (const f of afters) await Promise.resolve().then(f).catch((e: unknown) => errors.push(e));
  await run.afterEach().catch((e: unknown) => errors.push(e));
  errors.push(...run.strays());
  // As in Node, a todo test runs, and its failure fails nothing: a known bug, marked as such.
  const status: Status = options.todo ? 'todo' : errors.length ? 'fail' : skip !== undefined ? 'skip' : 'pass';
  const reason = options.todo ? reasonOf(options.todo) : skip;
  const error = errors.length ? { error: serializeError(errors[0], errors.length - 1) } : {};
  return { type: 'test', name, status, duration: performance.now() - t0, reason, diagnostics, ...error };
}

export function reasonOf(value: boolean | string | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
