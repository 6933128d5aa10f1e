import { expect, test, type Page } from '@playwright/test';
import { cacheNamesOf } from '../support/cache-names.js';
import { DJANGO_PYTHON, DjangoSongbookServer } from '../support/django-songbook.js';
import { signIn as signInAt } from '../support/sign-in.js';
import { content, settled } from '../support/songbook-content.js';
import { DJANGO_ROUTES } from '../support/songbook-routes.js';
import { goOffline, waitForControl } from '../support/worker.js';

// Issue 14, save for offline on the Django Songbook, as on the Hono one: a lesson saved from its
// card, never opened, opens offline with sheet music and a clip that seeks (ranges cut from the
// saved file); "On this device" lists, removes and clears; saved lessons are one person's.

test.skip(!DJANGO_PYTHON && !process.env.CI, 'no python3 with Django (.ci/run installs python3-django)');

let server: DjangoSongbookServer;
test.beforeEach(async () => {
  server = await new DjangoSongbookServer().start();
});
test.afterEach(async () => {
  await server.stop();
});

const card = (page: Page, id: number) => page.locator('.lesson-item').filter({ has: page.locator(`a[href="/lessons/${id}/"]`) });

async function saveCard(page: Page, id: number) {
  await card(page, id).getByRole('button', { name: 'Save for offline' }).click();
  await expect(card(page, id).getByRole('button', { name: 'Saved for offline' })).toBeVisible({ timeout: 20_000 });
}

test('a lesson saved from its card, never opened, opens offline with sheet music and a clip that seeks; On this device lists it', async ({ page, context }) => {
  await page.goto(server.url());
  await waitForControl(page);
  await settled(page);
  await saveCard(page, 5);
  await expect(card(page, 5).getByRole('button', { name: 'Remove from this device' })).toBeVisible();
  expect(server.log.some((r) => r.path === '/lessons/5/' && r.headers['sec-fetch-dest'] === 'document')).toBe(false);

  await goOffline(context, server);
  await page.goto(server.url('lessons/5/'));
  await settled(page);
  await expect(content(page).locator('h1')).not.toHaveText(/offline/i);
  await expect.poll(() => page.evaluate(() => (document.querySelector('.sheet img') as HTMLImageElement | null)?.naturalWidth ?? 0)).toBeGreaterThan(0);
  const seeked = await page.evaluate(async () => {
    const audio = document.querySelector('audio')!;
    audio.muted = true;
    audio.preload = 'auto';
    await new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(`audio error ${audio.error?.code}`)), { once: true });
      audio.load();
    });
    audio.currentTime = audio.duration / 2;
    await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
    await audio.play();
    const from = audio.currentTime;
    await new Promise((resolve) => audio.addEventListener('timeupdate', () => audio.currentTime > from && resolve(undefined)));
    audio.pause();
    return { duration: audio.duration, at: from };
  });
  expect(seeked.duration).toBeGreaterThan(25);
  expect(seeked.at).toBeGreaterThan(seeked.duration / 2 - 1);

  await page.goto(server.url('offline/'));
  await settled(page);
  await expect(page.locator('h1')).toHaveText('On this device');
  await expect(page.locator('.saved-item')).toHaveCount(1);
  await expect(page.locator('.saved-item')).toContainText(/KB|MB/);
});

test('On this device removes a lesson and clears everything; the header links to it', async ({ page }) => {
  await page.goto(server.url());
  await waitForControl(page);
  await settled(page);
  for (const id of [3, 4]) await saveCard(page, id);
  await page.getByRole('link', { name: 'On this device' }).click();
  await expect(page.locator('h1')).toHaveText('On this device');
  await expect(page.locator('.saved-item')).toHaveCount(2);
  await expect(page.locator('[data-offline-storage]')).toContainText(/used of/);
  await page.locator('.saved-item').first().getByRole('button', { name: 'Remove from this device' }).click();
  await expect(page.locator('.saved-item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear offline data' }).click();
  await expect(page.locator('[data-offline-status]')).toHaveText('Offline data cleared.');
  await expect(page.locator('.saved-item')).toHaveCount(0);
  expect(await cacheNamesOf(page, (c) => c.kind === 'saved')).toEqual([]);
});

test('what Alice saved is never listed for Bob', async ({ page }) => {
  const signIn = (name: string) => signInAt(page, server, name, DJANGO_ROUTES.login);
  await page.goto(server.url());
  await waitForControl(page);
  await signIn('alice');
  await page.goto(server.url());
  await settled(page);
  await saveCard(page, 7);
  const [aliceSaved] = await cacheNamesOf(page, (c) => c.scope === '/' && c.kind === 'saved' && c.owner !== undefined);
  expect(aliceSaved).toBeTruthy();
  await signIn('bob');
  expect(await page.evaluate(() => window.shellacSaves!.saved())).toEqual([]);
  await page.goto(server.url());
  await settled(page);
  await expect(card(page, 7).getByRole('button', { name: 'Save for offline' })).toBeVisible();
  expect(await page.evaluate(() => caches.keys())).not.toContain(aliceSaved);
});
