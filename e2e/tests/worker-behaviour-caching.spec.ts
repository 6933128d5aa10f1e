import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { cacheNamesOf } from '../support/cache-names.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { cachedUrls, goOffline, waitForControl } from '../support/worker.js';

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

async function start(config: object, prepare?: (b: SiteBuild) => void) {
  ({ build, server } = await startSite(config, prepare));
}

/** Text of a cached response, looked up in every cache of the origin. */
function cachedText(page: Page, url: string) {
  return page.evaluate((url) => caches.match(url).then((r) => r?.text()), url);
}

const imageWidths = (page: Page) => page.evaluate(() => [...document.images].map((i) => (i.complete ? i.naturalWidth : -1)));

test('cacheFirst route with maxEntries, and the fallback image for images that fail offline', async ({ page, context }) => {
  await start({
    precacheIgnore: ['img/*.png'],
    offlineImage: 'img/feather.svg',
    routes: [{ match: 'img/*.png', strategy: 'cacheFirst', cacheName: 'photos', maxEntries: 1 }],
  });
  await page.goto(server.url('guide/'));
  await waitForControl(page);
  await page.goto(server.url('about.html'));
  await expect.poll(() => cachedUrls(page, { kind: 'runtime', name: 'photos' })).toEqual([server.url('img/dusk.png')]);
  await page.goto(server.url());
  await expect.poll(() => cachedUrls(page, { kind: 'runtime', name: 'photos' })).toEqual([server.url('img/meadow.png')]);
  await goOffline(context, server);
  await page.goto(server.url());
  expect(await imageWidths(page)).toContain(384); // meadow.png, from the photos cache
  await page.goto(server.url('about.html'));
  // dusk.png was evicted: the precached fallback image stands in, not a broken image.
  const widths = await imageWidths(page);
  expect(widths.every((w) => w > 0)).toBe(true);
  expect(widths).not.toContain(384);
});

test('staleWhileRevalidate answers from the cache and refreshes it behind', async ({ page }) => {
  await start({ precacheIgnore: ['js/**'], routes: [{ match: 'js/*', strategy: 'staleWhileRevalidate', cacheName: 'scripts' }] });
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('about.html'));
  await expect.poll(() => cachedUrls(page, { kind: 'runtime', name: 'scripts' })).toContain(server.url('js/site.js'));
  appendFileSync(join(build.out, 'js/site.js'), '\nwindow.siteScriptVersion = 2;\n');
  await page.goto(server.url('guide/'));
  expect(await page.evaluate(() => (window as { siteScriptVersion?: number }).siteScriptVersion)).toBeUndefined();
  await expect.poll(async () => (await cachedText(page, server.url('js/site.js')))?.includes('siteScriptVersion')).toBe(true);
  await page.goto(server.url('about.html'));
  expect(await page.evaluate(() => (window as { siteScriptVersion?: number }).siteScriptVersion)).toBe(2);
});

test('networkFirst serves the cached page when the network is slow, and keeps the late answer', async ({ page }) => {
  await start({ pages: { networkTimeoutSeconds: 1 } });
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('guide/'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('guide/'));
  const file = join(build.out, 'guide/index.html');
  writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', '<p id="fresh">fresh</p></main>'));
  server.delay = (path) => (path.startsWith('/guide/') ? 3000 : 0);
  await page.goto(server.url('guide/'));
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('#fresh')).toHaveCount(0);
  await expect.poll(async () => (await cachedText(page, server.url('guide/')))?.includes('id="fresh"'), { timeout: 8000 }).toBe(true);
  server.delay = () => 0;
  await page.goto(server.url('guide/'));
  await expect(page.locator('#fresh')).toHaveCount(1);
});

test('cacheOnly never goes to the network; networkOnly never caches', async ({ page }) => {
  await start({
    routes: [
      { match: 'data/*', strategy: 'cacheOnly', cacheName: 'data' },
      { match: 'live/*', strategy: 'networkOnly' },
    ],
  });
  await page.goto(server.url());
  await waitForControl(page);
  const result = await page.evaluate(async () => {
    const cache = await caches.open('shellac:/:runtime:data');
    await cache.put('/data/kept.json', new Response('{"kept":true}'));
    const kept = await fetch('/data/kept.json').then((r) => r.text());
    const missing = await fetch('/data/missing.json').then((r) => `status ${r.status}`, () => 'failed');
    return { kept, missing };
  });
  expect(result).toEqual({ kept: '{"kept":true}', missing: 'failed' });
  expect(server.log.some((r) => r.path.startsWith('/data/'))).toBe(false);
  expect(await page.evaluate(() => fetch('/live/x').then((r) => r.status))).toBe(404);
  expect(server.log.some((r) => r.path === '/live/x')).toBe(true);
  // The networkOnly route's cache would be `live` (routeCacheName): only cacheOnly's `data` exists.
  expect(await cacheNamesOf(page, (c) => c.kind === 'runtime')).toEqual(['shellac:/:runtime:data']);
});

test('when the storage quota is full, the oldest runtime entries go and the response is intact', async ({ page, context }) => {
  const files = 6;
  const size = 300_000;
  await start({ routes: [{ match: 'big/*', strategy: 'cacheFirst', cacheName: 'big' }] }, (b) => {
    mkdirSync(join(b.site, 'big'));
    for (let i = 1; i <= files; i++) {
      // Incompressible-ish bytes, so the size stored is the size sent.
      const bytes = Buffer.alloc(size);
      for (let j = 0; j < size; j++) bytes[j] = (j * 7919 + i * 104729) % 251;
      writeFileSync(join(b.site, 'big', String(i)), bytes);
    }
  });
  await page.goto(server.url());
  await waitForControl(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: 1_000_000 });
  for (let i = 1; i <= files; i++) {
    const length = await page.evaluate((i) => fetch(`/big/${i}`).then((r) => r.arrayBuffer()).then((b) => b.byteLength), i);
    expect(length).toBe(size);
    await expect.poll(() => cachedUrls(page, { kind: 'runtime', name: 'big' })).toContain(server.url(`big/${i}`));
  }
  const kept = await cachedUrls(page, { kind: 'runtime', name: 'big' });
  expect(kept.length).toBeLessThan(files);
  expect(kept).toContain(server.url(`big/${files}`));
  expect(kept).not.toContain(server.url('big/1'));
});

test('navigations use navigation preload once the worker is active', async ({ page }) => {
  await start({});
  await page.goto(server.url());
  await waitForControl(page);
  const mark = server.log.length;
  await page.goto(server.url('guide/'));
  await expect(page.locator('h1')).toBeVisible();
  const navigation = server.log.slice(mark).find((r) => r.path === '/guide/');
  expect(navigation?.headers['service-worker-navigation-preload']).toBe('true');
});

test('pages older than maxAgeSeconds are not served', async ({ page, context }) => {
  await start({ pages: { maxAgeSeconds: 3 } });
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('guide/'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('guide/'));
  // Wait until the kept copy is past its age, as the worker's index records it.
  const age = () =>
    page.evaluate(async (url) => {
      const record = await caches.open('shellac:/:meta').then((c) => c.match('/__shellac/meta/shellac:/:pages')).then((r) => r?.json());
      return Date.now() - (record?.[url]?.[0] ?? Date.now());
    }, server.url('guide/'));
  await expect.poll(age, { timeout: 10_000 }).toBeGreaterThan(3000);
  await page.goto(server.url('about.html'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('about.html'));
  await goOffline(context, server);
  await page.goto(server.url('about.html'));
  await expect(page).not.toHaveTitle(/offline/i);
  await page.goto(server.url('guide/'));
  await expect(page).toHaveTitle(/You are offline/);
  // The expired copy is deleted, not only skipped.
  expect(await cachedUrls(page, { kind: 'pages' })).not.toContain(server.url('guide/'));
});

test('cache hits never write: recency is kept in memory and saved with the next write', async ({ page }) => {
  await start({ precacheIgnore: ['img/*.png'], routes: [{ match: 'img/*.png', strategy: 'cacheFirst', cacheName: 'photos' }] });
  await page.goto(server.url('guide/'));
  await waitForControl(page);
  const metaRecord = () => page.evaluate(() => caches.open('shellac:/:meta').then((c) => c.match('/__shellac/meta/shellac:/:runtime:photos')).then((r) => r?.text()));
  await page.evaluate(() => fetch('/img/meadow.png').then((r) => r.arrayBuffer()));
  await expect.poll(metaRecord).toContain('meadow.png');
  const before = await metaRecord();
  const hits = server.log.length;
  for (let i = 0; i < 5; i++) await page.evaluate(() => fetch('/img/meadow.png').then((r) => r.arrayBuffer()));
  expect(server.pathsSince(hits)).toEqual([]);
  expect(await metaRecord()).toBe(before);
  await page.evaluate(() => fetch('/img/dusk.png').then((r) => r.arrayBuffer()));
  await expect.poll(metaRecord).toContain('dusk.png');
  const saved = JSON.parse((await metaRecord())!) as Record<string, [number, number, number]>;
  const [stored, used] = saved[server.url('img/meadow.png')]!;
  expect(used).toBeGreaterThan(stored);
});
