// Runs every *.test.ts under packages/ and examples/: Node's test runner (TypeScript through tsx) for the
// packages that run in Node, then Chromium for packages/worker (in a service worker),
// packages/client and test-support (in a page), where that code runs (scripts/browser-tests.mjs).
import { spawnSync } from 'node:child_process';
import { runBrowserTests } from './browser-tests.mjs';
import { findTests, runsInBrowser } from './find-tests.mjs';

// The examples' tests use the built packages, as the examples do: `npm run build` first.
const found = [...findTests('packages'), ...findTests('examples')];
if (!found.length) {
  console.error('unit: no *.test.ts files found under packages/ or examples/');
  process.exit(1);
}
const inNode = found.filter((f) => !runsInBrowser(f));
const inBrowser = [...found.filter(runsInBrowser), ...findTests('test-support')];
const node = inNode.length ? spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...inNode], { stdio: 'inherit' }).status : 0;
console.log('\nunit: browser tests (Chromium)\n');
const browser = inBrowser.length ? await runBrowserTests(inBrowser) : true;
process.exit(node === 0 && browser ? 0 : 1);
