import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '@shellac/cli';
import { expect, test, type Page } from '@playwright/test';
import { cacheNamesOf, contentKinds } from '../support/cache-names.js';
import { SONGBOOK } from '../support/songbook-paths.js';
import { SongbookServer } from '../support/songbook.js';
import { goOffline, waitForControl } from '../support/worker.js';

let server: SongbookServer;
test.beforeEach(async () => {
  server = await new SongbookServer().start();
});
test.afterEach(async () => {
  await server.stop();
});

const h1 = (page: Page) => page.locator('[data-shellac-content] h1');
const marker = (page: Page) => page.evaluate(() => (window as { stayed?: number }).stayed);
/** Leaves a mark on the document: it survives only if no full page load happens. */
const mark = (page: Page) => page.evaluate(() => ((window as { stayed?: number }).stayed = 1));

/** Clicks a link and waits until the swap happened: a new URL and a new heading. */
async function follow(page: Page, link: ReturnType<Page['locator']>) {
  const before = { url: page.url(), title: await h1(page).textContent() };
  await link.click();
  await expect(page).not.toHaveURL(before.url);
  if (before.title) await expect(h1(page)).not.toHaveText(before.title);
  await expect(h1(page)).toBeVisible();
}

/** First visit: the worker installs and takes control; the shell is cached from then on. */
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
  // The content is slow on top (both its preload and its ?from_appshell=1 request): the shell
  // must be on screen while it is still on its way.
  server.delay = (path) => (path.startsWith('/lessons/2') ? 1500 : 0);
  const mark = server.log.length;
  await page.goto(server.url('lessons/2'), { waitUntil: 'commit' });
  await expect(page.locator('.site-header')).toBeVisible();
  expect(await h1(page).count()).toBe(0);
  await expect(h1(page)).toBeVisible({ timeout: 15_000 });
  const timing = await page.evaluate(() => ({
    fromWorker: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart > 0,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  }));
  expect(timing.fromWorker).toBe(true);
  // The document itself never went to the server: only the preload (content) and the shell refresh did.
  const fullPageRequests = server.log.slice(mark).filter((r) => r.path === '/lessons/2' && !r.headers['service-worker-navigation-preload']);
  expect(fullPageRequests).toEqual([]);
  // The content came with the navigation, by preload, asking for the content alone.
  expect(server.log.slice(mark).some((r) => r.path === '/lessons/2' && r.headers['service-worker-navigation-preload'] === 'content')).toBe(true);
  test.info().annotations.push({ type: 'fcp', description: `${Math.round(timing.fcp)} ms` });
});

test('offline, a visited lesson shows inside the shell, a page neither visited nor rendered by the worker shows the offline block inside the shell', async ({ page, context }) => {
  await install(page);
  await mark(page);
  await follow(page, page.locator('.lesson-link').nth(2));
  const title = await h1(page).textContent();
  const visited = page.url();
  expect(await marker(page)).toBe(1);
  // Its sheet music is kept by the demo's cacheFirst route for /lessons/:id/sheet.svg.
  await expect.poll(async () => (await cacheNamesOf(page, { kind: 'runtime', name: 'sheets' })).length).toBe(1);
  await expect.poll(() => page.evaluate((u) => caches.match(u).then((r) => !!r), `${visited}/sheet.svg`)).toBe(true);
  await goOffline(context, server);
  await page.goto(visited);
  await expect(h1(page)).toHaveText(title!);
  await expect(page.locator('.site-header')).toBeVisible();
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.sheet img')].every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
  // Unvisited lessons render in the worker (worker-app.spec.ts); signing in needs the server.
  await page.goto(server.url('login'));
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.locator('[data-shellac-content] .shellac-offline')).toContainText('You are offline');
});

test('a changed shell is picked up on the next navigation, not in the open page', async ({ page }) => {
  await install(page);
  const original = await (await fetch(server.url('__shell'))).text();
  const changed = original.replace('</footer>', '<p id="shell-v2">New shell</p></footer>');
  server.override = (path) =>
    path.startsWith('/__shell') ? { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v2"', 'X-Shellac-Shell': 'v2', 'Cache-Control': 'no-cache' }, body: changed } : undefined;
  await page.goto(server.url('about'));
  await expect(h1(page)).toBeVisible();
  // This navigation got the old shell; the refresh behind it stored the new one.
  await expect(page.locator('#shell-v2')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => caches.match('/__shell').then((r) => r?.text()).then((t) => !!t?.includes('shell-v2')))).toBe(true);
  await expect(page.locator('#shell-v2')).toHaveCount(0);
  await page.goto(server.url('lessons/5'));
  await expect(page.locator('#shell-v2')).toHaveCount(1);
  await expect(h1(page)).toBeVisible();
});

test('links swap content in place, and back and forward work', async ({ page }) => {
  await install(page);
  await mark(page);
  const home = page.url();
  await follow(page, page.locator('.lesson-link').nth(0));
  const first = { url: page.url(), title: await h1(page).textContent() };
  await follow(page, page.locator('.site-nav a', { hasText: 'Home' }));
  await expect(page.locator('.lesson-link').first()).toBeVisible();
  await follow(page, page.locator('.lesson-link').nth(1));
  const second = { url: page.url(), title: await h1(page).textContent() };
  await page.goBack();
  await expect(page).toHaveURL(home);
  await expect(page.locator('.lesson-link').first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(first.url);
  await expect(h1(page)).toHaveText(first.title!);
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(second.url);
  await expect(h1(page)).toHaveText(second.title!);
  expect(await marker(page)).toBe(1);
  // Focus moved to the new content for keyboard and screen-reader users, and it was announced.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(await page.locator('[aria-live="polite"]').textContent()).toContain(second.title!.trim());
});

test('the content scripts run once per swap; links to files and POST forms are left to the browser', async ({ page }) => {
  await install(page);
  await mark(page);
  await follow(page, page.locator('.lesson-link').nth(0));
  await expect(page.locator('body')).toHaveAttribute('data-lesson-script', 'ran');
  await page.locator('a.download').click();
  await expect(page).toHaveURL(/\/lessons\/\d+\/sheet\.svg$/);
  expect(await marker(page)).toBeUndefined();
  // A POST form (sign in) is a real navigation.
  await page.goto(server.url('login'));
  await expect(page.locator('input[name="username"]')).toBeVisible();
  await mark(page);
  await page.fill('input[name="username"]', 'alice');
  await page.fill('input[name="password"]', 'songbook');
  await page.locator('form[action="/login"] button[type="submit"], form[action="/login"] input[type="submit"]').first().click();
  await expect(page).toHaveURL(server.url('account'));
  await expect(page.locator('body')).toContainText('Signed in as');
  expect(await marker(page)).toBeUndefined();
});

test('a content-only response is never shown as a full page, nor a full page inside the shell', async ({ page, browser }) => {
  // Without a worker: the server sends a top-level navigation to a content URL to the page.
  const bare = await browser.newContext({ serviceWorkers: 'block' });
  const p = await bare.newPage();
  await p.goto(server.url('lessons/1?from_appshell=1'));
  await expect(p).toHaveURL(server.url('lessons/1'));
  await expect(p.locator('.site-header')).toBeVisible();
  await bare.close();
  // With the worker: the same.
  await install(page);
  await page.goto(server.url('lessons/1?from_appshell=1'));
  await expect(page).toHaveURL(server.url('lessons/1'));
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(h1(page)).toBeVisible();
  // A full page where content was expected (a proxy's error page, say) is never injected.
  server.override = (path) => (path.startsWith('/about?from_appshell=1') ? { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<!doctype html><title>Proxy</title><h1 id="proxy-page">Full page</h1>' } : undefined);
  await page.locator('.site-nav a', { hasText: 'About' }).click();
  await expect(page.locator('#proxy-page')).toBeVisible();
  expect(await page.locator('[data-shellac-content] #proxy-page').count()).toBe(0);
  // Every cached entry is the right kind for its key.
  const kinds = await contentKinds(page, await cacheNamesOf(page, (c) => c.kind === 'pages'));
  expect(kinds.length).toBeGreaterThan(0);
  for (const [url, content] of kinds) expect(content === '1').toBe(url.includes('from_appshell=1'));
});

test('a GET form is swapped in place, with the loading indicator while the content is slow', async ({ page }) => {
  await install(page);
  await mark(page);
  server.delay = (path) => (path.includes('q=joy') ? 1200 : 0);
  await page.fill('input[name="q"]', 'joy');
  await page.locator('form.search button').click();
  await expect(page.locator('.shellac-loading')).toBeVisible();
  await expect(page).toHaveURL(/\/\?q=joy$/);
  await expect(page.locator('.search-result')).toContainText('for “joy”');
  await expect(page.locator('.lesson-link', { hasText: 'Ode to Joy' })).toBeVisible();
  await expect(page.locator('.shellac-loading')).toBeHidden();
  expect(await marker(page)).toBe(1);
});

test('a shell older than maxAgeSeconds is fetched before it is used', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'shellac-maxage-'));
  try {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ appShell: { maxAgeSeconds: 1 } }));
    await buildSite({ siteDir: `${SONGBOOK}/static`, outDir: join(dir, 'build'), app: true, base: '/static/', configFile: join(dir, 'config.json') });
    await server.stop();
    server = await new SongbookServer(join(dir, 'build')).start();
    await install(page);
    const original = await (await fetch(server.url('__shell'))).text();
    server.override = (path) =>
      path.startsWith('/__shell') ? { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v2"', 'Cache-Control': 'no-cache' }, body: original.replace('</footer>', '<p id="shell-v2">New shell</p></footer>') } : undefined;
    // Wait until the stored shell is past its age, as the worker stamped it.
    const age = () => page.evaluate(() => caches.match('/__shell').then((r) => Date.now() - Number(r?.headers.get('X-Shellac-Stored') ?? Date.now())));
    await expect.poll(age).toBeGreaterThan(1000);
    // Past its age, this very navigation gets the new shell (not only the next one).
    await page.goto(server.url('about'));
    await expect(page.locator('#shell-v2')).toHaveCount(1);
    await expect(h1(page)).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the first page someone opens (before the worker) works offline too, inside the shell', async ({ page, context }) => {
  await page.goto(server.url('lessons/7'));
  await waitForControl(page);
  const title = await h1(page).textContent();
  // Kept as its content, under its ?from_appshell=1 URL, once the worker controls the page.
  await expect.poll(() => page.evaluate((u) => caches.match(u).then((r) => r?.headers.get('X-Shellac-Content') ?? null), server.url('lessons/7?from_appshell=1'))).toBe('1');
  await goOffline(context, server);
  await page.goto(server.url('lessons/7'));
  await expect(h1(page)).toHaveText(title!);
});

test('a swap replaces the page metadata rather than adding beside it', async ({ page }) => {
  await install(page);
  await follow(page, page.locator('.lesson-link').nth(3));
  await follow(page, page.locator('.site-nav a', { hasText: 'About' }));
  expect(await page.locator('head meta[name="description"]').count()).toBe(1);
  const description = await page.locator('head meta[name="description"]').getAttribute('content');
  const fresh = await (await fetch(server.url('about?from_appshell=1'))).text();
  expect(fresh).toContain(description!);
});
