import { expect, test, type Page } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { askForUpdate, entryKey, fault, realPage, registrationState, reportFaults, untilNoneWaiting } from '../support/faults.js';
import { holdOn } from '../support/hold-on.js';
import { installed } from '../support/installed.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { markController, precacheKeys, untilReplaced, workerVersion } from '../support/worker.js';

// Issue 12, parts 2, 3 and 5: faults injected in Chromium (an evicted entry, an untrustworthy
// precache, a worker stopped during install, the server gone mid-update, a lazy chunk after an
// update), each proving that every page still loads as a real page, never the browser's error page.

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));
reportFaults('self-repair-open-tabs');

async function start(config?: object, prepare?: (b: SiteBuild) => void) {
  ({ build, server } = await startSite(config, prepare));
}

/** Imports the lazy chunk now, as a page's code would after the update activated; resolves with its version. */
const lazy = (page: Page) => page.evaluate(() => import(`${location.origin}/js/lazy.js`).then((m: { version: string }) => m.version));

test('open tabs keep their version: a lazy chunk imported after the update activated comes from the version the tab loaded with', async ({ page, context }) => {
  await start(undefined, (b) => b.write('js/lazy.js', "export const version = 'N';\n"));
  const vN = build.summary!.version;
  const lazyN = entryKey(build.out, 'js/lazy.js', server.url());
  await installed(page, server);
  // Version N+1 is deployed: the server no longer has N's lazy chunk.
  build.write('js/lazy.js', "export const version = 'N+1';\n");
  const vN1 = (await build.build()).version;

  fault('lazy chunk of version N imported after N+1 activated');
  const other = await context.newPage();
  await realPage(other, server.url('guide/'), 'The guide');
  await markController(other);
  await markController(page);
  await askForUpdate(other);
  expect(await untilReplaced(other)).toBe(vN1);
  expect(await untilReplaced(page)).toBe(vN1);
  const mark = server.log.length;
  expect(await lazy(page)).toBe('N');
  expect(server.pathsSince(mark)).not.toContain('/js/lazy.js');
  const fresh = await context.newPage();
  await realPage(fresh, server.url('about.html'), 'About Fieldnotes');
  expect(await lazy(fresh)).toBe('N+1');

  // N's files stay while a tab loaded with N is open, and go with the last one.
  await other.close();
  await realPage(fresh, server.url('guide/'), 'The guide');
  expect(await precacheKeys(fresh)).toEqual(expect.arrayContaining([lazyN, server.url(`__shellac/manifest/${vN}`)]));
  expect(await lazy(page)).toBe('N');
  await page.close();
  await expect
    .poll(async () => {
      await realPage(fresh, server.url('guide/'), 'The guide');
      return precacheKeys(fresh);
    })
    .not.toContain(lazyN);
  expect(await precacheKeys(fresh)).not.toContain(server.url(`__shellac/manifest/${vN}`));
  expect(await precacheKeys(fresh)).toContain(entryKey(build.out, 'js/lazy.js', server.url()));
});

test('a tab opened while the update installs keeps its version too', async ({ page, context }) => {
  await start(undefined, (b) => b.write('js/lazy.js', "export const version = 'N';\n"));
  await installed(page, server);
  build.write('js/lazy.js', "export const version = 'N+1';\n");
  const vN1 = (await build.build()).version;
  const release = holdOn(server, '/js/lazy.js');
  const mark = server.log.length;
  await askForUpdate(page);
  await expect.poll(() => server.pathsSince(mark)).toContain('/js/lazy.js');
  fault('tab opened while the next version installs, lazy chunk imported after it activated');
  const pins = () => page.evaluate((url) => caches.match(url).then((r) => r?.json()).then((p) => Object.keys(p ?? {}).length), server.url('__shellac/pins'));
  const before = await pins();
  const other = await context.newPage();
  await realPage(other, server.url('guide/'), 'The guide');
  await markController(other);
  // Version N remembered the new tab (in the meta cache) before N+1 finishes installing.
  await expect.poll(pins).toBe(before + 1);
  release();
  expect(await untilReplaced(other)).toBe(vN1);
  expect(await lazy(other)).toBe('N');
  expect(await lazy(page)).toBe('N');
});

test('with activate "waiting", an update waits until every tab has closed, and the open tab keeps its version meanwhile', async ({ page, context }) => {
  await start({ activate: 'waiting' }, (b) => b.write('js/lazy.js', "export const version = 'N';\n"));
  const vN = build.summary!.version;
  await installed(page, server);
  build.write('js/lazy.js', "export const version = 'N+1';\n");
  const vN1 = (await build.build()).version;
  await askForUpdate(page);
  await expect.poll(() => registrationState(page), { timeout: 20_000 }).toEqual({ installing: false, waiting: true, active: true });
  await realPage(page, server.url('guide/'), 'The guide');
  expect(await workerVersion(page)).toBe(vN);
  expect(await lazy(page)).toBe('N');
  // The last tab closes: the waiting version activates before the next visit.
  const next = await context.newPage();
  await page.close();
  await untilNoneWaiting(context, next);
  await realPage(next, server.url('about.html'), 'About Fieldnotes');
  expect(await workerVersion(next)).toBe(vN1);
  expect(await lazy(next)).toBe('N+1');
});
