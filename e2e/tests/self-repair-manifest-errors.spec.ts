import { expect, test } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { countRetired, registered, registrationSettled, shellacCaches } from '../support/kill-switch.js';
import { fault, realPage, reportFaults, stateJson } from '../support/faults.js';
import { installed } from '../support/installed.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { SITE_LOOK } from '../support/site-look.js';
import { PAGES } from '../support/site-pages.js';
import { goOffline, styles } from '../support/worker.js';

// Issue 12, parts 2, 3 and 5: faults injected in Chromium (an evicted entry, an untrustworthy
// precache, a worker stopped during install, the server gone mid-update, a lazy chunk after an
// update), each proving that every page still loads as a real page, never the browser's error page.

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));
reportFaults('self-repair-manifest-errors');

async function start(config?: object, prepare?: (b: SiteBuild) => void) {
  ({ build, server } = await startSite(config, prepare));
}

test('a 5xx manifest is an outage, not a retirement: the worker stays and serves every page, online and offline', async ({ page, context }) => {
  await start();
  await installed(page, server);
  fault('manifest 503');
  server.override = (path) => (path.startsWith('/shellac-manifest.json') ? { status: 503 } : undefined);
  await page.evaluate(() => window.shellac!.update());
  await expect.poll(async () => (await stateJson(page, server.url())).checked).toEqual({ at: expect.any(Number), outcome: 'error', detail: '503' });
  for (const [path, heading] of PAGES) expect((await realPage(page, server.url(path), heading))?.fromServiceWorker()).toBe(true);
  await goOffline(context, server);
  for (const [path, heading] of PAGES) {
    await realPage(page, server.url(path), heading);
    expect(await styles(page)).toEqual(SITE_LOOK);
  }
});

test('retired: a 404 manifest takes the worker out, the page hears "retired", and no later page is answered by a worker', async ({ page }) => {
  await start();
  const retired = await countRetired(page);
  await installed(page, server);
  fault('manifest 404 (retired)');
  server.override = (path) => (path.startsWith('/shellac-manifest.json') ? { status: 404 } : undefined);
  await page.evaluate(() => window.shellac!.update());
  await expect.poll(() => retired()).toBeGreaterThan(0);
  // The retirement reloads the page from the network; once it has ended, nothing of it is left.
  await expect.poll(() => registered(page)).toBe(false);
  await expect.poll(() => shellacCaches(page)).toEqual([]);
  const mark = server.log.length;
  for (const [path, heading] of PAGES) {
    expect((await realPage(page, server.url(path), heading))?.fromServiceWorker(), path).toBe(false);
    await registrationSettled(page);
  }
  expect(server.pathsSince(mark)).toEqual(expect.arrayContaining(['/guide/', '/css/site.css']));
});
