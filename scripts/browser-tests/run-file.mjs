// Runs one test file in a fresh browser context (no caches, no registrations, no storage from the
// files before) and resolves once its last result is in, or once it cannot finish.

/** With no report for this long, the page or worker is gone (the harness times out tests at 15 s). */
const IDLE_MS = 30_000;
let runs = 0;

/** `id`: the file's bundle in `scripts` ({ file, kind }). Calls `reporter.test` per result; resolves `{ failed }`. */
export async function runFile({ browser, server, scripts, id, reporter }) {
  const { file, kind } = scripts.get(id);
  const run = `r${++runs}`;
  server.reset();
  const context = await browser.newContext();
  const consoleLines = [];
  let failed = false;
  let current = '';
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  let timer;
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => settle({ fatal: `no report for ${IDLE_MS / 1000} s${current ? ` (the last test started: "${current}")` : ''}` }), IDLE_MS);
  };
  const stop = server.expect(run, (event) => {
    idle();
    if (event.type === 'start') current = event.name;
    if (event.type === 'test') {
      if (event.status === 'fail') failed = true;
      reporter.test(file, event, scripts);
    }
    if (event.type === 'done') settle({});
    if (event.type === 'fatal') settle({ fatal: event.message });
  });
  try {
    context.on('console', (m) => m.type() === 'error' && consoleLines.push(m.text()));
    context.on('weberror', (e) => consoleLines.push(`uncaught: ${e.error().stack ?? e.error().message}`));
    // Every new top-level document reports itself: after the runner page, one more means a test
    // navigated the page away (document.open keeps the document, so it does not count). The new
    // tab's about:blank comes first.
    let documents = 0;
    await context.exposeBinding('__unitDocument', (_source, url) => {
      if (url !== 'about:blank' && ++documents > 1) settle({ fatal: `the page navigated to ${url}${current ? ` during "${current}"` : ''}; stop navigations in tests (navigation.addEventListener('navigate', e => e.preventDefault()))` });
    });
    await context.addInitScript(() => {
      if (window === window.top) window.__unitDocument(location.href);
    });
    const page = await context.newPage();
    page.on('crash', () => settle({ fatal: 'the page crashed' }));
    idle();
    await page
      .goto(`${server.origin}/__unit/${kind === 'worker' ? 'worker' : 'page'}.html?file=${id}&run=${run}`)
      .catch((error) => settle({ fatal: `the runner page did not load: ${error.message}` }));
    const end = await finished;
    if (end.fatal) reporter.fatal(file, end.fatal, consoleLines);
    else if (failed) reporter.console(consoleLines);
    return { failed: failed || !!end.fatal };
  } finally {
    clearTimeout(timer);
    stop();
    await context.close();
  }
}
