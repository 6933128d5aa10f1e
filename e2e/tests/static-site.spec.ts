import { appendFileSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseCacheName } from '@shellac/protocol';
import { builtEntries } from '../../packages/cli/src/testing/built-worker.js';
import { SiteBuild } from '../support/build.js';
import { cacheNamesOf } from '../support/cache-names.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { cachedUrls, goOffline, markController, styles, untilReplaced, waitForControl, workerVersion } from '../support/worker.js';

const SITE_LOOK = { body: 'rgb(250, 247, 240)', header: 'rgb(46, 94, 78)' };

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

async function start(config?: object, base = '/') {
  ({ build, server } = await startSite(config, undefined, base));
}

async function imagesLoaded(page: import('@playwright/test').Page) {
  return page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
}

test('installs, precaches every manifest entry and controls the page', async ({ page }) => {
  await start();
  await page.goto(server.url());
  await waitForControl(page);
  expect(await workerVersion(page)).toBe(build.summary!.version);
  const precache = await cachedUrls(page, { kind: 'precache' });
  // One body per distinct hash, one per file whose name carries its hash, plus the record of the complete version.
  const entries = builtEntries(build.out);
  const hashes = new Set(entries.filter((e) => e[1]).map((e) => e[1]));
  expect(precache.filter((u) => u.includes('/__shellac/h/'))).toHaveLength(hashes.size);
  expect(precache.filter((u) => !u.includes('/__shellac/')).sort()).toEqual(entries.filter((e) => !e[1]).map((e) => server.url(e[0])).sort());
  expect(precache.filter((u) => u.includes('/__shellac/manifest/'))).toEqual([server.url(`__shellac/manifest/${build.summary!.version}`)]);
  const sw = await page.request.get(server.url('sw.js'));
  expect(sw.headers()['cache-control']).toBe('no-cache');
});

test('visited pages work offline with their styles, images and scripts, the first page included', async ({ page, context }) => {
  await start();
  await page.goto(server.url());
  await waitForControl(page);
  // The first page loaded before the worker controlled it; the client asks for it to be kept.
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url());
  for (const path of ['guide/', 'guide/binoculars.html', 'tools/counter.html']) {
    await page.goto(server.url(path));
    await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url(path));
  }
  await goOffline(context, server);
  for (const path of ['', 'guide/', 'guide/binoculars.html', 'tools/counter.html']) {
    await page.goto(server.url(path));
    await expect(page).not.toHaveTitle(/offline/i);
    expect(await styles(page)).toEqual(SITE_LOOK);
    expect(await imagesLoaded(page)).toBe(true);
  }
  await expect(page.locator('body')).toHaveAttribute('data-script-ran', 'yes');
  // The injected client is precached too, so offline pages keep their registration.
  expect(await page.evaluate(() => window.shellac?.supported)).toBe(true);
});

test('an unvisited page shows the offline page, in the site look', async ({ page, context }) => {
  await start();
  await page.goto(server.url());
  await waitForControl(page);
  await goOffline(context, server);
  const response = await page.goto(server.url('reference/species/wren.html'));
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/You are offline/);
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  expect(await styles(page)).toEqual(SITE_LOOK);
  expect(page.url()).toBe(server.url('reference/species/wren.html'));
});

test('the offline page tries again when the browser is back online, never over a navigation away', async ({ page, context }) => {
  await start();
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('about.html'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('about.html'));
  await goOffline(context, server);
  await page.goto(server.url('reference/species/wren.html'));
  await expect(page).toHaveTitle(/You are offline/);
  // 'online' alone: the page reloads (a mark set on this document is gone afterwards).
  await page.evaluate(() => ((window as unknown as { mark: boolean }).mark = true)); // a property of this document only
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => dispatchEvent(new Event('online')))]);
  expect(await page.evaluate(() => (window as unknown as { mark?: boolean }).mark)).toBeUndefined(); // as above
  // 'online' once a navigation away has begun (Chromium fires it so): the navigation wins.
  await page.evaluate((url) => {
    location.href = url;
    dispatchEvent(new Event('online'));
  }, server.url('about.html'));
  await expect(page).toHaveURL(server.url('about.html'));
  await expect(page).not.toHaveTitle(/offline/i);
});

test('an update where one asset changed downloads that asset and no other', async ({ page }) => {
  await start();
  await page.goto(server.url());
  await waitForControl(page);
  const v1 = build.summary!.version;
  const entries1 = builtEntries(build.out);
  build.write('css/site.css', `${readFileSync(join(build.site, 'css/site.css'), 'utf8')}\n.changed { color: red; }\n`);
  await build.build();
  expect(build.summary!.version).not.toBe(v1);
  const mark = server.log.length;
  await markController(page);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
  expect(await untilReplaced(page)).toBe(build.summary!.version);
  const precachedPaths = new Set(entries1.map((e) => `/${e[0]}`));
  const fetched = server.pathsSince(mark);
  expect(fetched.filter((p) => precachedPaths.has(p))).toEqual(['/css/site.css']);
  // The update's bytes are exactly the limit (bench: update-bytes): sw.js, which carries the
  // manifest's entries, and the changed file, each once, and nothing else.
  expect(fetched.filter((p) => !p.endsWith('/') && !p.endsWith('.html')).sort()).toEqual(['/css/site.css', '/sw.js']);
});

test('a failing update (one 404, one wrong hash) reports both and leaves the old version serving every page', async ({ page, context }) => {
  await start();
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('guide/'));
  await waitForControl(page);
  const v1 = build.summary!.version;
  build.write('css/site.css', `${readFileSync(join(build.site, 'css/site.css'), 'utf8')}\nbody { background-color: rgb(1, 2, 3); }\n`);
  build.write('js/site.js', `${readFileSync(join(build.site, 'js/site.js'), 'utf8')}\n// v2\n`);
  await build.build();
  unlinkSync(join(build.out, 'js/site.js'));
  appendFileSync(join(build.out, 'css/site.css'), '\n/* changed after the build */\n');

  const failed = page.evaluate(() => new Promise<{ failures: { url: string; reason: string }[] }>((resolve) => window.shellac!.on('updateFailed', resolve)));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update().catch(() => {})));
  const { failures } = await failed;
  expect(failures.map((f) => f.url).sort()).toEqual(['css/site.css', 'js/site.js']);
  expect(failures.find((f) => f.url === 'js/site.js')!.reason).toBe('HTTP 404');
  expect(failures.find((f) => f.url === 'css/site.css')!.reason).toMatch(/^hash [A-Za-z0-9_-]{8}$/);
  expect(await workerVersion(page)).toBe(v1);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!(r!.waiting || r!.installing)))).toBe(false);

  // Online: the old worker still serves its own stylesheet, not the server's new one.
  for (const path of ['', 'guide/', 'about.html']) {
    await page.goto(server.url(path));
    expect(await styles(page)).toEqual(SITE_LOOK);
  }
  await goOffline(context, server);
  for (const path of ['', 'guide/', 'about.html']) {
    await page.goto(server.url(path));
    await expect(page).not.toHaveTitle(/offline/i);
    expect(await styles(page)).toEqual(SITE_LOOK);
  }
});

test('the pages cache keeps its maxEntries limit, least recently stored out first', async ({ page, context }) => {
  await start({ pages: { maxEntries: 2 } });
  await page.goto(server.url());
  await waitForControl(page);
  // The first page is kept too, once the worker controls it (shellac:cache-urls). Wait for it, or
  // its late write would evict a page stored after it (seen once under CI load).
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url());
  for (const path of ['guide/', 'about.html', 'guide/binoculars.html']) {
    await page.goto(server.url(path));
    await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url(path));
  }
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toEqual([server.url('about.html'), server.url('guide/binoculars.html')]);
  await goOffline(context, server);
  await page.goto(server.url('guide/'));
  await expect(page).toHaveTitle(/You are offline/);
  await page.goto(server.url('about.html'));
  await expect(page).not.toHaveTitle(/offline/i);
});

test('the pages cache keeps its maxBytes budget', async ({ page }) => {
  const sizes = ['guide/index.html', 'about.html', 'guide/binoculars.html'].map((p) => readFileSync(join(new SiteBuild().site, p)).length);
  // Room for the two last pages (with the injected script tag), not for three.
  const budget = sizes[1]! + sizes[2]! + 200;
  await start({ pages: { maxBytes: budget } });
  await page.goto(server.url('guide/'));
  await waitForControl(page);
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('guide/'));
  for (const path of ['about.html', 'guide/binoculars.html']) {
    await page.goto(server.url(path));
    await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url(path));
  }
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toEqual([server.url('about.html'), server.url('guide/binoculars.html')]);
});

test('a no-store page is never cached, and offline it shows the offline page', async ({ page, context }) => {
  await start();
  server.extraHeaders = (path): Record<string, string> => (path.startsWith('/about.html') ? { 'Cache-Control': 'no-store' } : {});
  await page.goto(server.url());
  await waitForControl(page);
  await page.goto(server.url('about.html'));
  await page.goto(server.url('guide/'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('guide/'));
  expect(await cachedUrls(page, { kind: 'pages' })).not.toContain(server.url('about.html'));
  await goOffline(context, server);
  await page.goto(server.url('about.html'));
  await expect(page).toHaveTitle(/You are offline/);
});

test('a site under a path prefix installs with that scope and works offline', async ({ page, context }) => {
  await start(undefined, '/docs/');
  await page.goto(server.url());
  await waitForControl(page);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.scope))).toBe(server.url());
  const all = await page.evaluate(() => caches.keys());
  expect(all.filter((n) => parseCacheName(n)?.scope !== '/docs/')).toEqual([]);
  await page.goto(server.url('guide/advanced/songs.html'));
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url('guide/advanced/songs.html'));
  await goOffline(context, server);
  await page.goto(server.url('guide/advanced/songs.html'));
  expect(await styles(page)).toEqual(SITE_LOOK);
  expect(await imagesLoaded(page)).toBe(true);
  await page.goto(server.url('reference/'));
  await expect(page).toHaveTitle(/You are offline/);
  expect(await styles(page)).toEqual(SITE_LOOK);
});

test('a site in a user folder (/~alice/docs/) keeps its precache and meta cache when the person changes', async ({ page, context }) => {
  await start({ identity: {} }, '/~alice/docs/');
  let tag = 'alice-tag';
  server.extraHeaders = (path): Record<string, string> => (/\/$|\.html$/.test(path.replace(/\?.*$/, '')) ? { 'X-Shellac-User': tag } : {});
  await page.goto(server.url());
  await waitForControl(page);
  const names = () => page.evaluate(() => caches.keys());
  await expect.poll(() => cachedUrls(page, { kind: 'precache' })).toContain(server.url(`__shellac/manifest/${build.summary!.version}`));
  await page.evaluate(() => window.shellac!.debug(true));
  const metaKeys = () => cachedUrls(page, { kind: 'meta' });
  await expect.poll(metaKeys).toContain(server.url('__shellac/debug'));
  // Two changes of person: the first tag seen, then another one.
  await page.goto(server.url('about.html'));
  await expect.poll(metaKeys).toContain(server.url('__shellac/user'));
  tag = 'bob-tag';
  await page.goto(server.url('guide/'));
  await expect.poll(() => cacheNamesOf(page, (c) => c.kind === 'pages' && c.owner !== undefined)).toEqual(['shellac:/~alice/docs/:pages~bob-tag']);
  // The scope's own `~` is part of the scope: its shared caches stay.
  expect(await names()).toEqual(expect.arrayContaining(['shellac:/~alice/docs/:precache', 'shellac:/~alice/docs/:meta']));
  expect(await metaKeys()).toContain(server.url('__shellac/debug'));
  await goOffline(context, server);
  await page.goto(server.url('reference/'));
  await expect(page).toHaveTitle(/You are offline/);
  expect(await styles(page)).toEqual(SITE_LOOK);
});
