// Where the unit tests are, and which of them run in the browser.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders whose tests run where their code runs, in Chromium: packages/worker in a service
 * worker, packages/client and the browser test support in a page.
 */
export const BROWSER_FOLDERS = ['packages/worker/', 'packages/client/', 'test-support/'];

/** Every `*.test.ts` under `dir`, outside node_modules and dist, in a stable order. */
export function findTests(dir = 'packages') {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

/** True for a test file the browser runner takes (path relative to the repository root). */
export function runsInBrowser(file) {
  const path = file.split('\\').join('/').replace(/^\.\//, '');
  return BROWSER_FOLDERS.some((p) => path.startsWith(p));
}
