/**
 * The first code of every browser test bundle: loads the test file, then runs its tests, in a page
 * at once, in a service worker when the runner page asks (a `message` event keeps it alive until
 * the last test is over). Results go to the runner's server, one POST per event.
 */
import { suite } from './node-test.js';
import { serializeError } from './serialize-error.js';
import type { Report } from './unit-event.js';

/**
 * The `type` of the message the runner page posts to the test worker once it is active; the
 * bundler defines it from scripts/browser-tests/runner-pages.mjs, so it is spelled once.
 */
declare const SHELLAC_UNIT_RUN: string;

/**
 * Posts events one after another, in order, while the tests go on: a round trip to the runner
 * costs tens of milliseconds on a busy machine. The URL is absolute, from the origin: a test may
 * move the page's URL (history.pushState) or its base.
 */
const reporter = (): Report => {
  const url = new URL('/__unit/report', location.origin);
  let queue: Promise<unknown> = Promise.resolve();
  return (event) => (queue = queue.then(() => fetch(url, { method: 'POST', body: JSON.stringify(event) })).catch(() => {}));
};

export function start(where: 'page' | 'worker', load: () => unknown): void {
  let loadError: unknown;
  try {
    load();
  } catch (error) {
    loadError = error;
  }
  addEventListener('unhandledrejection', (event) => suite.stray(event.reason));
  addEventListener('error', (event) => suite.stray(event.error ?? new Error(event.message)));
  const run = async (report: Report) => {
    if (loadError === undefined) return suite.run(report);
    await report({ type: 'test', name: 'loading the test file', status: 'fail', duration: 0, diagnostics: [], error: serializeError(loadError, 0) });
    await report({ type: 'done', duration: 0 });
  };
  if (where === 'page') {
    void run(reporter());
    return;
  }
  addEventListener('message', (event) => {
    const data = event.data as { type?: string } | null; // only the runner page posts here before the tests run
    if (data?.type !== SHELLAC_UNIT_RUN) return;
    // A service worker's message event is an ExtendableMessageEvent; this module is typed for pages too.
    (event as MessageEvent & { waitUntil(p: Promise<unknown>): void }).waitUntil(run(reporter()));
  });
}
