/** Page-side setup for the app-shell loader's tests: the test page plays the shell. */
import { afterEach, beforeEach } from 'node:test';
import { holdNavigations } from './page-events.js';
import type { TestServer } from './server.js';

/** The current test's shell page: its held navigations, and the loader it stops afterwards. */
export interface ShellPage {
  /** Navigations that would have left the page during the current test. */
  readonly navigations: ReturnType<typeof holdNavigations>;
  /** Takes `loader` as the test's (stopping the one it had): stopped once the test ends. */
  use<T extends { stop(): void }>(loader: T): T;
}

/**
 * Before each test, resets `server` and makes the page a shell: title, head tags, and a content
 * region holding a home page. Navigations that would leave the page are held (and recorded), so
 * the tests keep running; after each test they are let go and its loader stopped.
 */
export function shellPage(server: TestServer): ShellPage {
  let loader: { stop(): void } | undefined;
  let navigations: ReturnType<typeof holdNavigations> | undefined;
  beforeEach(async () => {
    await server.reset();
    history.replaceState(null, '', '/app/');
    document.title = 'Shell';
    document.head.querySelectorAll('meta[name],meta[property],link[rel=canonical]').forEach((e) => e.remove());
    document.head.insertAdjacentHTML('beforeend', '<meta name="description" content="the shell">');
    document.body.innerHTML = '<main data-shellac-content><h1>Home</h1></main>';
    navigations = holdNavigations();
  });
  afterEach(() => {
    loader?.stop();
    loader = undefined;
    navigations?.release();
  });
  return {
    get navigations() {
      return navigations!; // set before each test
    },
    use(next) {
      loader?.stop();
      loader = next;
      return next;
    },
  };
}
