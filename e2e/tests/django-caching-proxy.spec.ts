import { expect, test } from '@playwright/test';
import { DJANGO_PYTHON, DjangoSongbookServer } from '../support/django-songbook.js';
import { CachingProxy } from '../support/nginx.js';
import { waitForControl } from '../support/worker.js';

// Issue 14: the Django Songbook behind nginx caching every 200 for a minute, Cache-Control
// ignored (as an aggressive CDN): only django_shellac's Vary keeps the full page and the
// content-only variant of one URL apart.

test.skip(!DJANGO_PYTHON && !process.env.CI, 'no python3 with Django (.ci/run installs python3-django)');

const PRELOAD = { 'Service-Worker-Navigation-Preload': 'content' };
const kind = async (response: Response) => {
  const body = await response.text();
  return { content: response.headers.get('x-shellac-content') === '1', fullPage: body.includes('class="site-header"'), cache: response.headers.get('x-cache') };
};

let songbook: DjangoSongbookServer;
let proxy: CachingProxy;
test.beforeEach(async () => {
  test.skip(!CachingProxy.available() && !process.env.CI, 'nginx is not installed (.ci/run installs it)');
  songbook = await new DjangoSongbookServer().start();
  proxy = await new CachingProxy(songbook.port).start();
});
test.afterEach(async () => {
  await proxy?.stop();
  await songbook?.stop();
});

test('behind a caching nginx, full pages and content-only responses never stand in for each other', async () => {
  const at = (path: string, headers: Record<string, string> = {}) => fetch(`${proxy.origin}${path}`, { headers });
  expect(await kind(await at('/lessons/1/'))).toEqual({ content: false, fullPage: true, cache: 'MISS' });
  expect(await kind(await at('/lessons/1/'))).toEqual({ content: false, fullPage: true, cache: 'HIT' });
  const preload = await kind(await at('/lessons/1/', PRELOAD));
  expect(preload).toMatchObject({ content: true, fullPage: false });
  expect(await kind(await at('/lessons/1/', PRELOAD))).toMatchObject({ content: true, fullPage: false, cache: 'HIT' });
  expect(await kind(await at('/lessons/1/'))).toMatchObject({ content: false, fullPage: true });
  expect(await kind(await at('/lessons/1/?from_appshell=1'))).toMatchObject({ content: true, fullPage: false });
  expect(await kind(await at('/lessons/1/'))).toMatchObject({ content: false, fullPage: true });
});

test('control: with Vary stripped, the same nginx does mix them (so the test above can fail)', async () => {
  await proxy.stop();
  songbook.stripHeaders = ['vary'];
  proxy = await new CachingProxy(songbook.port).start();
  await fetch(`${proxy.origin}/lessons/2/`);
  expect(await kind(await fetch(`${proxy.origin}/lessons/2/`, { headers: PRELOAD }))).toMatchObject({ content: false, fullPage: true, cache: 'HIT' });
});

test('browsing through nginx with the worker shows every page whole, with its content in the shell', async ({ page }) => {
  await page.goto(`${proxy.origin}/`);
  await waitForControl(page);
  for (const path of ['/lessons/3/', '/lessons/4/', '/about/', '/lessons/3/']) {
    await page.goto(`${proxy.origin}${path}`);
    await expect(page.locator('.site-header')).toHaveCount(1);
    await expect(page.locator('[data-shellac-content] h1')).toBeVisible();
    await expect(page.locator('[data-shellac-content] .site-header')).toHaveCount(0);
  }
  await page.locator('.site-nav a', { hasText: 'Home' }).click();
  await page.locator('.lesson-link').nth(5).click();
  await expect(page).toHaveURL(/\/lessons\/\d+\/$/);
  await expect(page.locator('[data-shellac-content] h1')).toBeVisible();
  await expect(page.locator('.site-header')).toHaveCount(1);
});
