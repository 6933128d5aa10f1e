import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildSite } from './build-site.js';

// Regression checks on deterministic sizes (times are benchmarked, never tested). Raise a budget
// only with a reason in the commit; `npm run bench` compares the sizes with Workbox and Serwist.
const WORKER_BUDGET = 4_900; // gzip bytes of sw.js for a site with no routes
const ROUTED_WORKER_BUDGET = 5_900; // with routes naming every strategy
const CLIENT_BUDGET = 1_500; // gzip bytes of shellac.js (issue #2: under 1.5 KB)

const site = new URL('../../../examples/static-site/site/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'shellac-size-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('sw.js without routes and shellac.js stay within their budgets', async () => {
  const summary = await buildSite({ siteDir: site, outDir: join(scratch, 'plain') });
  assert.ok(summary.worker.gzip <= WORKER_BUDGET, `sw.js is ${summary.worker.gzip} B gzip, over its ${WORKER_BUDGET} B budget`);
  assert.ok(summary.client.gzip <= CLIENT_BUDGET, `shellac.js is ${summary.client.gzip} B gzip, over its ${CLIENT_BUDGET} B budget`);
});

test('sw.js with every strategy stays within its budget, and only then carries the router', async () => {
  const strategies = ['networkOnly', 'cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'];
  const configFile = join(scratch, 'routes.json');
  writeFileSync(configFile, JSON.stringify({ routes: strategies.map((strategy, i) => ({ match: `r${i}/*`, strategy, ...(strategy !== 'networkOnly' && { maxEntries: 10 }) })) }));
  const routed = await buildSite({ siteDir: site, outDir: join(scratch, 'routed'), configFile });
  const plain = await buildSite({ siteDir: site, outDir: join(scratch, 'plain2') });
  assert.ok(routed.worker.gzip <= ROUTED_WORKER_BUDGET, `sw.js with routes is ${routed.worker.gzip} B gzip, over its ${ROUTED_WORKER_BUDGET} B budget`);
  assert.ok(routed.worker.gzip > plain.worker.gzip + 500, 'a worker with routes should carry the router; one without should not');
});
