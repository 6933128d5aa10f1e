import { expect, test, type Page } from '@playwright/test';
import { cacheNamesOf, contentKinds } from '../support/cache-names.js';
import { DJANGO_PYTHON, DjangoSongbookServer } from '../support/django-songbook.js';
import { goOffline, waitForControl } from '../support/worker.js';

// Issue 14: the Django Songbook (examples/django-songbook) with django_shellac, no Node on the
// server: the app shell paints at once, visited lessons open offline, and the talk's view (the
// lesson page chooses its base template by hand) works with Shellac's worker.

test.skip(!DJANGO_PYTHON && !process.env.CI, 'no python3 with Django (.ci/run installs python3-django)');

let server: DjangoSongbookServer;
test.beforeEach(async () => {
  server = await new DjangoSongbookServer().start();
});
test.afterEach(async () => {
  await server.stop();
});

const h1 = (page: Page) => page.locator('[data-shellac-content] h1');

async function install(page: Page) {
  await page.goto(server.url());
  await waitForControl(page);
  await expect(page.locator('.lesson-link').first()).toBeVisible();
}

test('under a 400 ms round trip, a repeat navigation paints the cached shell at once and the content follows', async ({ page, context }) => {
  await install(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: -1, uploadThroughput: -1 });
  // The content is slow on top (its preload and its ?from_appshell=1 request): the shell must be
  // on screen while it is still on its way.
  server.delay = (path) => (path.startsWith('/lessons/2/') ? 1500 : 0);
  const mark = server.log.length;
  await page.goto(server.url('lessons/2/'), { waitUntil: 'commit' });
  await expect(page.locator('.site-header')).toBeVisible();
  expect(await h1(page).count()).toBe(0);
  await expect(h1(page)).toBeVisible({ timeout: 15_000 });
  const timing = await page.evaluate(() => ({
    fromWorker: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart > 0,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  }));
  expect(timing.fromWorker).toBe(true);
  // The document never went to the server: only the preload (asking for the content) did.
  const fullPage = server.log.slice(mark).filter((r) => r.path === '/lessons/2/' && !r.headers['service-worker-navigation-preload']);
  expect(fullPage).toEqual([]);
  expect(server.log.slice(mark).some((r) => r.path === '/lessons/2/' && r.headers['service-worker-navigation-preload'] === 'content')).toBe(true);
  test.info().annotations.push({ type: 'fcp', description: `${Math.round(timing.fcp)} ms` });
  console.log(`django songbook repeat-visit FCP at 400 ms RTT: ${Math.round(timing.fcp)} ms`);
});

test('offline, a visited lesson shows inside the shell with its sheet music, an unvisited one shows the offline block', async ({ page, context }) => {
  await install(page);
  await page.locator('.lesson-link').nth(2).click();
  await expect(page).toHaveURL(/\/lessons\/3\/$/);
  // The loader puts the URL in the address bar first, then swaps the content in: read the lesson's own heading.
  const lessonH1 = page.locator('[data-shellac-content] article.lesson h1');
  await expect(lessonH1).toBeVisible();
  const title = await lessonH1.textContent();
  // Visited means kept: its content (stored by the worker after it answered) and its sheet music.
  for (const kept of ['lessons/3/?from_appshell=1', 'lessons/3/sheet.svg']) {
    await expect.poll(() => page.evaluate((u) => caches.match(u).then((r) => !!r), server.url(kept))).toBe(true);
  }
  await goOffline(context, server);
  await page.goto(server.url('lessons/3/'));
  await expect(h1(page)).toHaveText(title!);
  await expect(page.locator('.site-header')).toBeVisible();
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.sheet img')].every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
  await page.goto(server.url('lessons/20/'));
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.locator('[data-shellac-content] .shellac-offline')).toContainText('You are offline');
});

test("the talk's view gets the content by preload and by query, and a content URL opened as a page shows the page", async ({ page, browser }) => {
  const bare = await browser.newContext({ serviceWorkers: 'block' });
  const p = await bare.newPage();
  await p.goto(server.url('lessons/1/?from_appshell=1'));
  await expect(p).toHaveURL(server.url('lessons/1/'));
  await expect(p.locator('.site-header')).toBeVisible();
  await bare.close();
  await install(page);
  // Links swap content in place; the lesson view's hand-written choice gave the content alone.
  await page.evaluate(() => ((window as { stayed?: number }).stayed = 1));
  await page.locator('.lesson-link').first().click();
  await expect(h1(page)).toHaveText('Ode to Joy');
  expect(await page.evaluate(() => (window as { stayed?: number }).stayed)).toBe(1);
  expect(await page.locator('.site-header').count()).toBe(1);
  const kinds = await contentKinds(page, await cacheNamesOf(page, (c) => c.kind === 'pages'));
  expect(kinds.length).toBeGreaterThan(0);
  for (const [url, content] of kinds) expect(content === '1').toBe(url.includes('from_appshell=1'));
});
