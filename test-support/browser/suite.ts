import { reasonOf, runTest, type TestFn, type TestOptions } from './run-test.js';
import { serializeError } from './serialize-error.js';
import type { Report, UnitEvent } from './unit-event.js';

export type HookKind = 'before' | 'after' | 'beforeEach' | 'afterEach';

interface Entry {
  name: string;
  fn: TestFn | undefined;
  options: TestOptions;
  done: () => void;
}

/** One test file's tests and hooks, run in the order they were declared. */
export function createSuite() {
  const entries: Entry[] = [];
  const hooks: Record<HookKind, (() => unknown)[]> = { before: [], after: [], beforeEach: [], afterEach: [] };
  let strays: unknown[] = [];

  const runHooks = async (kind: HookKind) => {
    for (const hook of hooks[kind]) await hook();
  };

  const runEntry = async ({ name, fn, options }: Entry, report: Report, setup: unknown): Promise<UnitEvent> => {
    const failed = (error: unknown): UnitEvent => ({ type: 'test', name, status: 'fail', duration: 0, diagnostics: [], error: serializeError(error, 0) });
    if (options.skip || !fn) {
      return { type: 'test', name, status: options.todo && !options.skip ? 'todo' : 'skip', duration: 0, reason: reasonOf(options.skip || options.todo), diagnostics: [] };
    }
    if (setup !== undefined) return failed(setup);
    void report({ type: 'start', name });
    strays = [];
    return runTest({ name, fn, options, beforeEach: () => runHooks('beforeEach'), afterEach: () => runHooks('afterEach'), strays: () => strays });
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
      strays.push(error);
    },
    /** Runs every test in order, reporting each; resolves after the `done` event is sent. */
    async run(report: Report): Promise<void> {
      const t0 = performance.now();
      let setup: unknown;
      await runHooks('before').catch((e: unknown) => (setup = e ?? new Error('a before() hook failed')));
      for (const entry of entries) {
        void report(await runEntry(entry, report, setup));
        entry.done();
      }
      await runHooks('after').catch((error: unknown) =>
        report({ type: 'test', name: 'after() hook', status: 'fail', duration: 0, diagnostics: [], error: serializeError(error, 0) }),
      );
      await report({ type: 'done', duration: performance.now() - t0 });
    },
  };
}
