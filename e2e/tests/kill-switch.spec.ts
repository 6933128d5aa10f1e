import { appendFileSync } from 'node:fs';
import { retireSite } from '@shellac/cli';
import { expect, test, type Page } from '@playwright/test';
import { countRetired, registered, registrationSettled, shellacCaches, songbook, staticSite, visit, visitsUntilNetwork, type Deployed } from '../support/kill-switch.js';
import { goOffline, waitForControl } from '../support/worker.js';

// Each scenario runs on the retrofitted static site and on the Songbook (app shell, people signing in).
const SITES = [['static site', staticSite], ['Songbook', songbook]] as const;

let site: Deployed | undefined;
test.afterEach(async () => {
  await site?.stop();
  site = undefined;
});

/** Where the measured figures go when KILL_SWITCH_REPORT names a file (the closing note's). */
const report = (line: string) => process.env.KILL_SWITCH_REPORT && appendFileSync(process.env.KILL_SWITCH_REPORT, `${line}\n`);

/** First visit: the worker installs, takes control, and holds the scope's caches. */
async function install(page: Page, s: Deployed) {
  const retired = await countRetired(page);
  await page.goto(s.server.url(s.pages[0]));
  await waitForControl(page);
  await expect.poll(() => shellacCaches(page)).toContainEqual(expect.stringMatching(/:precache$/));
  const held = await shellacCaches(page);
  expect(held).not.toBe('navigating');
  return { retired, held: held as string[] };
}

/** The worker's last update check, as the client's `status()` tells it. */
const checked = (page: Page) => page.evaluate(async () => (await (window as unknown as { shellac: { status(): Promise<{ checked?: { outcome: string; detail?: string } } | undefined> } }).shellac.status())?.checked); // the injected client

for (const [name, make] of SITES) {
  for (const status of [404, 410]) {
    test(`${name}: a ${status} manifest retires the worker at the update check; the next navigation comes from the network`, async ({ page }) => {
      site = await make();
      const s = site;
      const { retired } = await install(page, s);
      s.server.override = (path) => (path.split('?')[0] === s.manifestPath ? { status } : undefined);
      const mark = s.server.log.length;
      // The first navigation the worker answers looks at the manifest (no check was made yet).
      const checking = await visit(page, s.server.url(s.pages[1]));
      expect(s.server.pathsSince(mark)).toContain(s.manifestPath);
      await expect.poll(() => retired()).toBeGreaterThan(0);
      await expect.poll(() => registered(page)).toBe(false);
      const visits = await visitsUntilNetwork(page, s.pages.slice(2).map((p) => s.server.url(p)));
      report(`${s.name} ${status}: check navigation answered by the worker: ${checking.fromWorker.length}/${checking.responses}; navigations after the check until none is: ${visits.length} (${visits.map((v) => `${v.path} ${v.fromWorker.length}/${v.responses}`).join(', ')})`);
      expect(visits.at(-1)!.fromWorker).toEqual([]);
      expect(visits).toHaveLength(1);
      // The page loaded from the network registers sw.js again; that install finds the manifest gone too.
      await registrationSettled(page);
      expect(await registered(page)).toBe(false);
      expect(await shellacCaches(page)).toEqual([]);
      await expect(page.locator('body')).not.toBeEmpty();
    });
  }

  test(`${name}: a manifest slower than the navigation's wait still retires the worker; the page moves to the network by the next navigation`, async ({ page }) => {
    site = await make();
    const s = site;
    const { retired } = await install(page, s);
    let release: (value?: unknown) => void = () => {};
    const held = new Promise((resolve) => (release = resolve));
    s.server.hold = (path) => (path.split('?')[0] === s.manifestPath ? held : undefined);
    s.server.override = (path) => (path.split('?')[0] === s.manifestPath ? { status: 404 } : undefined);
    // The navigation stops waiting for the manifest and is answered as usual; the 404 comes after.
    const checking = await visit(page, s.server.url(s.pages[1]));
    expect(checking.fromWorker.length).toBeGreaterThan(0);
    release();
    await expect.poll(() => retired()).toBeGreaterThan(0);
    const visits = await visitsUntilNetwork(page, s.pages.slice(2).map((p) => s.server.url(p)));
    report(`${s.name} 404 slower than the wait: navigations after the check until none is answered by the worker: ${visits.length} (${visits.map((v) => `${v.path} ${v.fromWorker.length}/${v.responses}`).join(', ')})`);
    expect(visits.at(-1)!.fromWorker).toEqual([]);
    expect(visits.length).toBeLessThanOrEqual(2);
    await registrationSettled(page);
    expect(await registered(page)).toBe(false);
    expect(await shellacCaches(page)).toEqual([]);
  });

  test(`${name}: with a second tab open, the retirement still ends with no registration and no cache`, async ({ page, context }) => {
    site = await make();
    const s = site;
    // The other tab opens before the worker, which claims it once installed; no navigation has
    // checked yet. (A second tab navigating while the worker activates would stay uncontrolled:
    // a page whose navigation is under way is not a client yet when the worker claims them.)
    const other = await context.newPage();
    await other.goto(s.server.url(s.pages[3]));
    await waitForControl(other);
    await expect.poll(() => shellacCaches(other)).toContainEqual(expect.stringMatching(/:precache$/));
    s.server.override = (path) => (path.split('?')[0] === s.manifestPath ? { status: 404 } : undefined);
    await visit(page, s.server.url(s.pages[1]));
    await expect.poll(() => shellacCaches(page)).toEqual([]);
    // The other tab was left where it was, still on the worker: a page loaded meanwhile revives the
    // registration by registering sw.js (Chromium). That tab's next navigation leaves the worker.
    const visits = await visitsUntilNetwork(other, s.pages.slice(2).map((p) => s.server.url(p)));
    report(`${s.name} 404 with a second tab: that tab's navigations until none is answered by the worker: ${visits.length} (${visits.map((v) => `${v.path} ${v.fromWorker.length}/${v.responses}`).join(', ')})`);
    expect(visits.at(-1)!.fromWorker).toEqual([]);
    expect(visits.length).toBeLessThanOrEqual(2);
    // Pages loaded meanwhile register sw.js again; each such install ends by retiring too.
    await registrationSettled(other);
    await registrationSettled(page);
    await expect.poll(() => registered(other)).toBe(false);
    await expect.poll(() => registered(page)).toBe(false);
    await expect.poll(() => shellacCaches(page)).toEqual([]);
  });

  test(`${name}: a page's update() that finds the manifest gone retires the worker and reloads the page from the network`, async ({ page }) => {
    site = await make();
    const s = site;
    const { retired } = await install(page, s);
    await page.goto(s.server.url(s.pages[1]));
    await expect.poll(async () => (await checked(page))?.outcome).toBe('current');
    s.server.override = (path) => (path.split('?')[0] === s.manifestPath ? { status: 410 } : undefined);
    // The page stays put: it is the worker that loads it again, from the network.
    const reloaded = page.waitForEvent('framenavigated');
    const fromWorker: string[] = [];
    page.on('response', (r) => r.fromServiceWorker() && fromWorker.push(r.url()));
    await page.evaluate(() => (window as unknown as { shellac: { update(): Promise<void> } }).shellac.update()); // the injected client
    await reloaded;
    await page.waitForLoadState('load');
    expect(page.url()).toBe(s.server.url(s.pages[1]));
    await expect.poll(() => retired()).toBeGreaterThan(0);
    await registrationSettled(page);
    expect(await registered(page)).toBe(false);
    expect(await shellacCaches(page)).toEqual([]);
    expect(fromWorker).toEqual([]);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(false);
  });

  test(`${name}: a 5xx manifest or a server gone is an outage: nothing retired, caches intact, offline still works`, async ({ page, context }) => {
    site = await make();
    const s = site;
    const { retired, held } = await install(page, s);
    await page.goto(s.server.url(s.pages[1]));
    await expect.poll(async () => (await checked(page))?.outcome).toBe('current');
    // Caches made by this first visit (the page cache) are part of what must stay.
    const before = (await shellacCaches(page)) as string[];
    expect(before).toEqual(expect.arrayContaining(held));
    for (const outage of [503, 500]) {
      s.server.override = (path) => (path.split('?')[0] === s.manifestPath ? { status: outage } : undefined);
      await page.evaluate(() => (window as unknown as { shellac: { update(): Promise<void> } }).shellac.update()); // the injected client
      await expect.poll(async () => (await checked(page))?.detail).toBe(String(outage));
      expect((await checked(page))?.outcome).toBe('error');
    }
    expect(await shellacCaches(page)).toEqual(before);
    expect(await registered(page)).toBe(true);
    await goOffline(context, s.server);
    await page.evaluate(() => (window as unknown as { shellac: { update(): Promise<void> } }).shellac.update()); // the injected client
    await expect.poll(async () => (await checked(page))?.detail).toMatch(/TypeError|Failed to fetch/);
    for (const path of s.pages.slice(0, 2)) {
      const response = await page.goto(s.server.url(path));
      expect(response?.status()).toBe(200);
      await expect(page).not.toHaveTitle(/offline/i);
    }
    expect(await shellacCaches(page)).toEqual(before);
    expect(await registered(page)).toBe(true);
    expect(retired()).toBe(0);
  });

  test(`${name}: shellac retire on the deployed folder retires an old worker at the next visit, with the manifest gone`, async ({ page }) => {
    site = await make();
    const s = site;
    await install(page, s);
    // A navigation the worker answers, so its own check is made now and not again for checkSeconds:
    // what happens next is the retiring worker's doing, not the old worker's.
    await page.goto(s.server.url(s.pages[1]));
    await expect.poll(async () => (await checked(page))?.outcome).toBe('current');
    await retireSite({ dir: s.dir });
    s.server.override = (path) => (path.split('?')[0] === s.manifestPath ? { status: 404 } : undefined);
    const mark = s.server.log.length;
    await visit(page, s.server.url(s.pages[2]));
    await expect.poll(() => registered(page)).toBe(false);
    await expect.poll(() => shellacCaches(page)).toEqual([]);
    expect(s.server.pathsSince(mark)).not.toContain(s.manifestPath);
    const visits = await visitsUntilNetwork(page, s.pages.slice(3).map((p) => s.server.url(p)));
    report(`${s.name} shellac retire: navigations after the retiring worker activated until none is answered by a worker: ${visits.length}`);
    expect(visits).toHaveLength(1);
    expect(visits[0]!.fromWorker).toEqual([]);
    await registrationSettled(page);
    expect(await registered(page)).toBe(false);
    expect(await shellacCaches(page)).toEqual([]);
  });
}
