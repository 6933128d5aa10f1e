import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { cacheNamed } from '../support/cache-names.js';
import { countEvents } from '../support/kill-switch.js';
import { deleteFromPrecache, entryKey, events, fault, manifestOf, realPage, recordEvents, reportFaults, stateJson, stopWorkers } from '../support/faults.js';
import { installed } from '../support/installed.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { SITE_LOOK } from '../support/site-look.js';
import { PAGES } from '../support/site-pages.js';
import { goOffline, precacheKeys, styles, workerStatus } from '../support/worker.js';

// Issue 12, parts 2, 3 and 5: faults injected in Chromium (an evicted entry, an untrustworthy
// precache, a worker stopped during install, the server gone mid-update, a lazy chunk after an
// update), each proving that every page still loads as a real page, never the browser's error page.

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));
reportFaults('self-repair-storage');

async function start(config?: object, prepare?: (b: SiteBuild) => void) {
  ({ build, server } = await startSite(config, prepare));
}

test('an evicted entry is answered from the network and put back once its hash is checked, not when the server has other bytes', async ({ page }) => {
  await start();
  await installed(page, server);
  const key = entryKey(build.out, 'css/site.css', server.url());
  expect(await precacheKeys(page)).toContain(key);

  fault('precache entry evicted');
  await deleteFromPrecache(page, [key]);
  let mark = server.log.length;
  await realPage(page, server.url('about.html'), 'About Fieldnotes');
  expect(await styles(page)).toEqual(SITE_LOOK);
  expect(server.pathsSince(mark)).toContain('/css/site.css');
  await expect.poll(() => precacheKeys(page)).toContain(key);
  // What went back is the entry's body, and it is used: offline, the page keeps its look.
  expect(await page.evaluate((k) => caches.match(k).then((r) => r?.text()), key)).toBe(readFileSync(join(build.out, 'css/site.css'), 'utf8'));

  // The server now has other bytes under that URL (a deploy without a new manifest, a CDN's
  // stale copy): the page gets them, the precache does not keep them.
  fault('precache entry evicted, the server has other bytes');
  appendFileSync(join(build.out, 'css/site.css'), '\n/* changed on the server */\n');
  await page.evaluate(() => window.shellac!.debug(true));
  await expect.poll(async () => (await workerStatus(page)).debug).toBe(true);
  await deleteFromPrecache(page, [key]);
  mark = server.log.length;
  await realPage(page, server.url('guide/'), 'The guide');
  expect(server.pathsSince(mark)).toContain('/css/site.css');
  const log = async () => (await stateJson(page, server.url())).log ?? [];
  await expect.poll(async () => (await log()).some((l) => /^\/css\/site\.css not restored: hash /.test(l))).toBe(true);
  expect(await precacheKeys(page)).not.toContain(key);
  expect((await log()).filter((l) => l.includes('restored to the precache'))).toEqual([]);
});

test('safe mode: a visitor with one tab hears it on the next page that tab opens', async ({ page, context }) => {
  await start();
  const heard = await countEvents(page, 'safeMode');
  await installed(page, server);
  const { entries } = manifestOf(build.out);
  fault('most precached files gone (one tab)');
  await deleteFromPrecache(page, entries.slice(0, Math.ceil(entries.length * 0.8)).map((e) => entryKey(build.out, e[0], server.url())));
  await stopWorkers(context, page);
  expect(heard()).toBe(0);
  await realPage(page, server.url('guide/'), 'The guide');
  await expect.poll(() => heard()).toBeGreaterThan(0);
});

for (const kind of ['manifest-unreadable', 'files-missing'] as const) {
  test(`safe mode (${kind}): pages come from the network, the page hears why, the next check reinstalls`, async ({ page, context }) => {
    await start();
    await installed(page, server);
    const { version, entries } = manifestOf(build.out);
    const keys = entries.map((e) => entryKey(build.out, e[0], server.url()));
    await recordEvents(page);
    fault(kind === 'manifest-unreadable' ? 'stored manifest unreadable, most files gone' : 'most precached files gone');
    const record = server.url(`__shellac/manifest/${version}`);
    if (kind === 'manifest-unreadable') {
      const name = await cacheNamed(page, { kind: 'precache' });
      await page.evaluate(async ({ name, record }) => {
        await (await caches.open(name)).put(record, new Response('{"version": "trunc'));
      }, { name, record });
    }
    await deleteFromPrecache(page, keys.slice(0, Math.ceil(keys.length * 0.8)));
    // A worker that starts again reads its precache afresh, as after the browser stopped it.
    await stopWorkers(context, page);

    const other = await context.newPage();
    for (const [path, heading] of PAGES) {
      await realPage(other, server.url(path), heading);
      expect(await styles(other)).toEqual(SITE_LOOK);
    }
    await expect.poll(() => events(page)).toContainEqual({ type: 'safeMode', reason: kind });
    // The navigation's update check found the manifest current and reinstalled the precache.
    await expect.poll(async () => (await stateJson(other, server.url())).safeMode ?? 'repaired', { timeout: 15_000 }).toBe('repaired');
    expect(await precacheKeys(other)).toEqual(expect.arrayContaining([...keys, record]));
    expect(await page.evaluate((r) => caches.match(r).then((res) => res?.json()).then((m) => m.version), record)).toBe(version);
    await page.close();
    await goOffline(context, server);
    for (const [path, heading] of PAGES) {
      await realPage(other, server.url(path), heading);
      expect(await styles(other)).toEqual(SITE_LOOK);
    }
  });
}

test('storage full: kept pages make room, the page hears "quota" with the bytes needed, every page still loads', async ({ page, context }) => {
  await start();
  await installed(page, server);
  const listener = await context.newPage();
  await listener.goto(server.url('about.html'));
  await recordEvents(listener);
  // The origin's quota a little above what it uses now, as on a nearly full device.
  const used = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));
  const cdp = await context.newCDPSession(page);
  fault('storage full');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: used + 8 * 1024 });
  const more: [string, string][] = [
    ['guide/binoculars.html', 'Choosing binoculars'],
    ['reference/', 'Reference'],
    ['tools/counter.html', 'Tally counter'],
    ['guide/getting-started.html', ''],
    ['guide/advanced/songs.html', ''],
  ];
  for (const [path, heading] of [...more, ...PAGES]) await realPage(page, server.url(path), heading);
  await expect.poll(() => events(listener)).toContainEqual({ type: 'quota', bytes: expect.any(Number) });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin });
});
