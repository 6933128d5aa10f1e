import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { cacheNamesOf } from '../support/cache-names.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { cachedUrls, waitForControl, workerStatus, workerVersion } from '../support/worker.js';

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

async function start(config: object, prepare?: (b: SiteBuild) => void) {
  ({ build, server } = await startSite(config, prepare));
}

test('with activate "waiting", updateReady fires and applyUpdate activates the new version and reloads', async ({ page }) => {
  await start({ activate: 'waiting' });
  await page.goto(server.url());
  await waitForControl(page);
  const v1 = build.summary!.version;
  build.write('css/site.css', `${readFileSync(join(build.site, 'css/site.css'), 'utf8')}\n.v2 {}\n`);
  await build.build();
  type Win = Window & { updateReady?: Promise<{ applyUpdate(): void }> };
  await page.evaluate(() => {
    (window as Win).updateReady = new Promise((resolve) => window.shellac!.on('updateReady', resolve));
  });
  await page.evaluate(() => window.shellac!.update());
  await page.evaluate(() => (window as Win).updateReady!.then(() => undefined));
  expect(await workerVersion(page)).toBe(v1);
  // A listener added after the update was found is told at once.
  expect(await page.evaluate(() => {
    let called = false;
    window.shellac!.on('updateReady', () => (called = true));
    return called; // at once: within on() itself
  })).toBe(true);
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => (window as Win).updateReady!.then((e) => e.applyUpdate()));
  await reloaded;
  await waitForControl(page);
  await expect.poll(() => workerVersion(page), { timeout: 20_000 }).toBe(build.summary!.version);
});

test('clearOfflineData empties every Shellac cache of the scope', async ({ page }) => {
  await start({});
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('guide/'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('guide/'));
  const deleted = await page.evaluate(() => window.shellac!.clearOfflineData());
  expect(deleted).toEqual(expect.arrayContaining(['shellac:/:precache', 'shellac:/:pages']));
  expect(await cacheNamesOf(page, (c) => c.scope === '/')).toEqual([]);
});

test('the debug channel is off by default and can be turned on from the page', async ({ page, context }) => {
  const lines: string[] = [];
  context.on('console', (m) => m.text().includes('shellac') && lines.push(m.text()));
  await start({});
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('about.html'));
  expect(lines).toEqual([]);
  await page.evaluate(() => window.shellac!.debug(true));
  await page.goto(server.url('guide/'));
  await expect.poll(() => lines.join('\n')).toMatch(/GET \/guide\/ → pages/);
  expect(lines.join('\n')).toMatch(/\/guide\/ network 200/);
  // The browser stops idle workers; the channel stays on in the restarted one.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  lines.length = 0;
  await page.goto(server.url('about.html'));
  await expect.poll(() => lines.join('\n')).toMatch(/GET \/about\.html → pages/);
  await page.evaluate(() => window.shellac!.debug(false));
  await expect.poll(() => cachedUrls(page, { kind: 'meta' })).not.toContain(server.url('__shellac/debug'));
  await cdp.send('ServiceWorker.stopAllWorkers');
  lines.length = 0;
  await page.goto(server.url('guide/'));
  await waitForControl(page);
  // Answered once the restarted worker has read its flag back: its lines so far are decided.
  expect((await workerStatus(page)).debug).toBe(false);
  expect(lines).toEqual([]);
});

test('in a browser without service workers the client is a harmless no-op', async ({ page }) => {
  await start({});
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker);
  await page.goto(server.url());
  expect(await page.evaluate(() => window.shellac!.supported)).toBe(false);
  expect(await page.evaluate(() => window.shellac!.ready)).toBeUndefined();
  expect(await page.evaluate(() => window.shellac!.clearOfflineData())).toEqual([]);
  expect(errors).toEqual([]);
});

test('clearOfflineData loads its fallback beside shellac.js, and only when the worker did not clear', async ({ page, browser }) => {
  await start({});
  const clearChunk = () => server.log.filter((r) => r.path.endsWith('shellac-clear.js')).map((r) => r.path);
  // A nested page: its script is ../shellac.js, so a chunk resolved against the page would miss.
  await page.goto(server.url('guide/'));
  await waitForControl(page);
  expect(await page.evaluate(() => window.shellac!.clearOfflineData())).toEqual(expect.arrayContaining(['shellac:/:precache']));
  expect(clearChunk()).toEqual([]);

  // No worker at all (another profile, the API taken away) with Shellac's caches there: the page deletes them.
  const profile = await browser.newContext();
  try {
    const other = await profile.newPage();
    await other.addInitScript(() => delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker);
    await other.goto(server.url('guide/'));
    await other.evaluate(() => Promise.all(['shellac:/:pages', 'shellac:/:runtime:img', 'shellac:/docs/:pages', 'theirs'].map((n) => caches.open(n))));
    expect((await other.evaluate(() => window.shellac!.clearOfflineData())).sort()).toEqual(['shellac:/:pages', 'shellac:/:runtime:img']);
    expect((await other.evaluate(() => caches.keys())).sort()).toEqual(['shellac:/docs/:pages', 'theirs']);
    expect(clearChunk()).toEqual(['/shellac-clear.js']);
  } finally {
    await profile.close();
  }
});

test('the client reports controlling, offline and online', async ({ page, context }) => {
  await start({});
  // Listen from the moment the injected script creates window.shellac.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
    let client: Window['shellac'];
    Object.defineProperty(window, 'shellac', {
      configurable: true,
      get: () => client,
      set(value: NonNullable<Window['shellac']>) {
        client = value;
        value.on('controlling', (e) => seen.push(`controlling:${e.isUpdate}`));
        value.on('offline', () => seen.push('offline'));
        value.on('online', () => seen.push('online'));
      },
    });
  });
  await page.goto(server.url());
  const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  await expect.poll(seen).toEqual(['controlling:false']);
  await context.setOffline(true);
  await expect.poll(seen).toEqual(['controlling:false', 'offline']);
  await context.setOffline(false);
  await expect.poll(seen).toEqual(['controlling:false', 'offline', 'online']);
});
