import { serializeError, type SerializedError } from './serialize-error.js';

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
  todo?: boolean | string;
  /** Milliseconds; default 15000. */
  timeout?: number;
}
export type HookKind = 'before' | 'after' | 'beforeEach' | 'afterEach';
export type Status = 'pass' | 'fail' | 'skip' | 'todo';

/** What the harness sends the runner, one event at a time and in order. */
export type UnitEvent =
  | { type: 'start'; name: string }
  | { type: 'test'; name: string; status: Status; duration: number; reason?: string; error?: SerializedError; diagnostics: string[] }
  | { type: 'done'; duration: number };
export type Report = (event: UnitEvent) => Promise<unknown>;

interface Entry {
  name: string;
  fn: TestFn | undefined;
  options: TestOptions;
  done: () => void;
}

const TIMEOUT = 15_000;

/** One test file's tests and hooks, run in the order they were declared. */
export function createSuite() {
  const entries: Entry[] = [];
  const hooks: Record<HookKind, (() => unknown)[]> = { before: [], after: [], beforeEach: [], afterEach: [] };
  /** Errors nobody caught (unhandled rejections, errors in inserted scripts) while a test ran. */
  let stray: unknown[] = [];

  const runHooks = async (kind: HookKind) => {
    for (const hook of hooks[kind]) await hook();
  };

  const runOne = async (entry: Entry, report: Report, setup: unknown): Promise<UnitEvent> => {
    const { name, fn, options } = entry;
    const diagnostics: string[] = [];
    const skipped = options.todo ? 'todo' : options.skip || !fn ? 'skip' : undefined;
    if (skipped) return { type: 'test', name, status: skipped, duration: 0, reason: reasonOf(options.skip ?? options.todo), diagnostics };
    await report({ type: 'start', name });
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
    const errors: unknown[] = setup === undefined ? [] : [setup];
    stray = [];
    if (!errors.length) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => (controller.abort(), reject(new Error(`test timed out after ${timeout} ms`))), timeout);
      });
      try {
        await runHooks('beforeEach');
        await Promise.race([Promise.resolve().then(() => fn!(context)), expired]); // fn is set: skipped entries returned above
      } catch (error) {
        errors.push(error);
      } finally {
        clearTimeout(timer);
      }
      for (const f of afters) await Promise.resolve().then(f).catch((e: unknown) => errors.push(e));
      await runHooks('afterEach').catch((e: unknown) => errors.push(e));
      errors.push(...stray);
    }
    const duration = performance.now() - t0;
    const status: Status = errors.length ? 'fail' : skip !== undefined ? 'skip' : 'pass';
    return { type: 'test', name, status, duration, reason: skip, diagnostics, ...(errors.length ? { error: serializeError(errors[0], errors.length - 1) } : {}) };
  };

  return {
    add(name: string, options: TestOptions, fn: TestFn | undefined): Promise<void> {
      return new Promise<void>((done) => entries.push({ name, fn, options, done }));
    },
    hook(kind: HookKind, fn: () => unknown) {
      hooks[kind].push(fn);
    },
    /** Records an error that escaped every test's own handling; it fails the running test. */
    stray(error: unknown) {
      stray.push(error);
    },
    /** Runs every test in order, reporting each; resolves after the `done` event is sent. */
    async run(report: Report): Promise<void> {
      const t0 = performance.now();
      let setup: unknown;
      await runHooks('before').catch((e: unknown) => (setup = e ?? new Error('a before() hook failed')));
      for (const entry of entries) {
        await report(await runOne(entry, report, setup));
        entry.done();
      }
      await runHooks('after').catch((error: unknown) =>
        report({ type: 'test', name: 'after() hook', status: 'fail', duration: 0, diagnostics: [], error: serializeError(error, 0) }),
      );
      await report({ type: 'done', duration: performance.now() - t0 });
    },
  };
}

export type Suite = ReturnType<typeof createSuite>;

function reasonOf(value: boolean | string | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
