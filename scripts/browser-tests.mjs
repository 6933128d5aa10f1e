// Runs the unit tests of packages/worker (inside a service worker), packages/client and
// test-support (in a page) in Chromium.
// `node scripts/browser-tests.mjs [file.test.ts …]`: the files given, or all of them.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTests, ROOT } from './browser-tests/bundle.mjs';
import { createReporter } from './browser-tests/reporter.mjs';
import { runFile } from './browser-tests/run-file.mjs';
import { INSECURE_HOST_RULE } from './browser-tests/test-server.mjs';
import { findTests, runsInBrowser } from './find-tests.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags of e2e/playwright.config.ts (Debian's Chromium, kept off the closed network), and the
// host name tests use for a page that is not a secure context.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', INSECURE_HOST_RULE];

/** How many files run at once (BROWSER_TESTS_JOBS): most of a file's time is Chromium starting a renderer. */
const JOBS = Math.max(1, Number(process.env.BROWSER_TESTS_JOBS) || 2);

/** Runs `files` (paths from the repository root); resolves true when every test passed. */
export async function runBrowserTests(files, reporter = createReporter()) {
  if (!existsSync(CHROMIUM)) {
    console.error(`browser tests: no Chromium at ${CHROMIUM}. Install Debian's chromium package (apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
    return false;
  }
  const t0 = performance.now();
  const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  let bundled = '';
  let launched = '';
  const { chromium } = await import('@playwright/test');
  const [bundling, launching] = await Promise.allSettled([
    bundleTests(files).then((b) => ((bundled = since()), b)),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }).then((b) => ((launched = since()), b)),
  ]);
  if (bundling.status === 'rejected' || launching.status === 'rejected') {
    if (bundling.status === 'rejected') console.error(bundling.reason.message);
    if (launching.status === 'rejected') console.error(`browser tests: Chromium (${CHROMIUM}) did not start: ${launching.reason.message}`);
    else await launching.value.close();
    return false;
  }
  const [bundles, browser] = [bundling.value, launching.value];
  try {
    return await runAll(browser, bundles, reporter);
  } finally {
    await browser.close();
    reporter.summary(files.length, performance.now() - t0, `(bundled by ${bundled}, Chromium up by ${launched})`);
  }
}

/**
 * Runs every bundled file, JOBS at a time, each in its own context against its own server;
 * prints each file's report in file order. Resolves true when no test failed.
 */
async function runAll(browser, bundles, reporter) {
  const ids = [...bundles.scripts.keys()];
  const done = [];
  let printed = 0;
  let failed = false;
  let taken = 0;
  const lane = async () => {
    while (taken < ids.length) {
      const i = taken++;
      const { file, kind } = bundles.scripts.get(ids[i]);
      const report = reporter.file(file, kind, bundles.scripts);
      const start = performance.now();
      const result = await runFile({ browser, bundles, id: ids[i], report });
      failed ||= result.failed;
      const ms = performance.now() - start;
      done[i] = () => report.print(ms);
      while (done[printed]) done[printed++]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, ids.length) }, lane));
  return !failed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.chdir(ROOT);
  // A folder stands for its test files (`packages/worker`).
  const given = process.argv.slice(2).flatMap((f) => {
    const path = relative(ROOT, resolve(f));
    return existsSync(path) && statSync(path).isDirectory() ? findTests(path) : [path];
  });
  const wrong = given.filter((f) => !runsInBrowser(f) || !existsSync(f));
  if (wrong.length) {
    console.error(`browser tests: not a *.test.ts of packages/worker, packages/client or test-support: ${wrong.join(', ')}`);
    process.exit(1);
  }
  const files = given.length ? given : [...findTests().filter(runsInBrowser), ...findTests('test-support')];
  process.exit((await runBrowserTests(files)) ? 0 : 1);
}
