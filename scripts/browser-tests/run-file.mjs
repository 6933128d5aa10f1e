// Runs one test file in a fresh browser context (no caches, no registrations, no storage from the
// files before) against a server of its own, and resolves once its last result is in, or once it
// cannot finish.
import { startTestServer } from './test-server.mjs';

/** With no report for this long, the page or worker is gone (the harness times out tests at 15 s). */
const IDLE_MS = 30_000;

/**
 * Runs the file `id` of `bundles` (from bundleTests) and reports to `report` (from
 * `reporter.file`). Resolves `{ failed }`.
 */
export async function runFile({ browser, bundles, id, report }) {
  const { kind } = bundles.scripts.get(id);
  const server = await startTestServer(bundles);
  const context = await browser.newContext();
  const consoleLines = [];
  let failed = false;
  let current = '';
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  const fatal = (message) => settle({ fatal: `${message}${current ? ` during "${current}"` : ''}` });
  let timer;
  // A test that needs a full disk sets the origin's quota (test-support/server.ts setQuota): only
  // the browser can make a real QuotaExceededError, and only DevTools can lower the quota.
  let cdp;
  const quota = async (bytes) => {
    cdp ??= await context.newCDPSession(context.pages()[0]);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, ...(bytes === undefined ? {} : { quotaSize: bytes }) });
  };
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fatal(`no report for ${IDLE_MS / 1000} s`), IDLE_MS);
  };
  const stop = server.expect((event) => {
    idle();
    if (event.type === 'start') current = event.name;
    if (event.type === 'test') {
      if (event.status === 'fail') failed = true;
      report.test(event);
    }
    if (event.type === 'done') settle({});
    if (event.type === 'fatal') settle({ fatal: event.message });
  }, quota);
  try {
    context.on('console', (m) => m.type() === 'error' && consoleLines.push(m.text()));
    context.on('weberror', (e) => consoleLines.push(`uncaught: ${e.error().stack ?? e.error().message}`));
    // Every new top-level document reports itself: after the runner page, one more means a test
    // navigated the page away (document.open keeps the document, so it does not count). The
    // new tab's about:blank comes first.
    let runner = false;
    await context.exposeBinding('__unitDocument', (_source, url) => {
      if (runner) fatal(`the page navigated to ${url}; tests hold navigations with holdNavigations() (test-support/page-events.ts)`);
      runner ||= url !== 'about:blank';
    });
    await context.addInitScript(() => {
      if (window === window.top) window.__unitDocument(location.href);
    });
    const page = await context.newPage();
    page.on('crash', () => fatal('the page crashed'));
    idle();
    await page
      .goto(`${server.origin}/__unit/${kind === 'worker' ? 'worker' : 'page'}.html?file=${id}`)
      .catch((error) => fatal(`the runner page did not load: ${error.message}`));
    const end = await finished;
    if (end.fatal) report.fatal(end.fatal, consoleLines);
    else if (failed) report.console(consoleLines);
    return { failed: failed || !!end.fatal };
  } finally {
    clearTimeout(timer);
    stop();
    await context.close();
    await server.close();
  }
}
