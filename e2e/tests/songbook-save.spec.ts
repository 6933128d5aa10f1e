import { expect, test, type Page } from '@playwright/test';
import { cacheNamesOf } from '../support/cache-names.js';
import { SongbookServer } from '../support/songbook.js';
import { content, settled } from '../support/songbook-content.js';
import { goOffline, waitForControl } from '../support/worker.js';

// Issue 11 on the Songbook: a lesson saved from its card, never opened, opens offline with its
// sheet music and a clip that plays and seeks; "On this device" lists it; saved lessons are one
// person's.

let server: SongbookServer;
test.beforeEach(async () => {
  server = await new SongbookServer().start();
});
test.afterEach(async () => {
  await server.stop();
});

/** The card of lesson `id` on the home page. */
const card = (page: Page, id: number) => page.locator('.lesson-item').filter({ has: page.locator(`a[href="/lessons/${id}"]`) });

test('a lesson saved from its card, never opened, opens offline with sheet music and a clip that seeks', async ({ page, context }) => {
  await page.goto(server.url());
  await waitForControl(page);
  await settled(page);
  const save = card(page, 5).getByRole('button', { name: 'Save for offline' });
  await save.click();
  await expect(card(page, 5).getByRole('button', { name: 'Saved for offline' })).toBeVisible({ timeout: 20_000 });
  await expect(card(page, 5).getByRole('button', { name: 'Remove from this device' })).toBeVisible();
  expect(server.log.some((r) => r.path === '/lessons/5' && r.headers['sec-fetch-dest'] === 'document')).toBe(false);

  await goOffline(context, server);
  await page.goto(server.url('lessons/5'));
  await settled(page);
  await expect(content(page).locator('h1')).not.toHaveText(/offline/i);
  // Sheet music, from the saved copy.
  await expect.poll(() => page.evaluate(() => (document.querySelector('.sheet img') as HTMLImageElement | null)?.naturalWidth ?? 0)).toBeGreaterThan(0);
  // The clip plays, and seeks to the middle (ranges cut from the saved file).
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

  // "On this device" lists it, offline too, with its size.
  await page.goto(server.url('offline'));
  await settled(page);
  await expect(page.locator('h1')).toHaveText('On this device');
  const item = page.locator('.saved-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(/KB|MB/);
  await expect(item.getByRole('button', { name: 'Remove from this device' })).toBeVisible();
});

test('On this device removes a lesson and clears everything; the header links to it', async ({ page }) => {
  await page.goto(server.url());
  await waitForControl(page);
  await settled(page);
  for (const id of [3, 4]) {
    await card(page, id).getByRole('button', { name: 'Save for offline' }).click();
    await expect(card(page, id).getByRole('button', { name: 'Saved for offline' })).toBeVisible({ timeout: 20_000 });
  }
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

test('what Alice saved is never listed, shown or played for Bob', async ({ page }) => {
  await page.goto(server.url('login'));
  await waitForControl(page);
  await settled(page);
  await page.fill('input[name=username]', 'alice');
  await page.fill('input[name=password]', 'songbook');
  await page.locator('[data-shellac-content] form button[type=submit]').click();
  await expect(content(page)).toContainText('Signed in as alice', { timeout: 15_000 });
  await page.goto(server.url());
  await settled(page);
  await card(page, 7).getByRole('button', { name: 'Save for offline' }).click();
  await expect(card(page, 7).getByRole('button', { name: 'Saved for offline' })).toBeVisible({ timeout: 20_000 });
  const [aliceSaved] = await cacheNamesOf(page, (c) => c.scope === '/' && c.kind === 'saved' && c.owner !== undefined);
  expect(aliceSaved).toBeTruthy();

  await page.goto(server.url('login'));
  await settled(page);
  await page.fill('input[name=username]', 'bob');
  await page.fill('input[name=password]', 'songbook');
  await page.locator('[data-shellac-content] form button[type=submit]').click();
  await expect(content(page)).toContainText('Signed in as bob', { timeout: 15_000 });
  expect(await page.evaluate(() => window.shellacSaves!.saved())).toEqual([]);
  await page.goto(server.url());
  await settled(page);
  await expect(card(page, 7).getByRole('button', { name: 'Save for offline' })).toBeVisible();
  // Alice's saved partition went with her.
  expect(await page.evaluate(() => caches.keys())).not.toContain(aliceSaved);
});
