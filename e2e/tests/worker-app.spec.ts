import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SongbookServer } from '../support/songbook.js';
import { content, settled } from '../support/songbook-content.js';
import { buildSongbookVariant } from '../support/songbook-variant.js';
import { goOffline, waitForControl } from '../support/worker.js';

// Issue 15 on the Songbook: its own routes and views run in the worker, from the data the worker
// syncs, so every lesson opens offline, visited or not, and the search works on the synced data.
// Offline is for real: the browser emulates no network and the server is stopped.

const offlineCopy = (page: Page) => content(page).locator('.shellac-offline-copy');

/** Lesson `id`'s notes as the worker synced them (undefined before the first sync). */
const syncedNotes = (page: Page, id: number) =>
  page.evaluate(async (id) => {
    const synced = await caches.match('/api/lessons.json');
    const data = synced && ((await synced.json()) as { lessons: { id: number; notes: string }[] });
    return data?.lessons.find((l) => l.id === id)?.notes;
  }, id);

/** Asks the worker to sync now (`shellac:sync`), as a page may; resolves with its reply. */
const syncNow = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ ok: boolean; synced?: string[]; error?: string }>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        navigator.serviceWorker.controller!.postMessage({ type: 'shellac:sync' }, [channel.port2]);
      }),
  );

/** A fresh visitor opens the home page only; resolves once the worker controls it and synced its data. */
async function homeOnly(page: Page, server: SongbookServer) {
  await page.goto(server.url());
  await waitForControl(page);
  await settled(page);
  await expect.poll(() => syncedNotes(page, 1), { timeout: 15_000 }).toBeTruthy();
}

test.describe('the Songbook as configured', () => {
  let server: SongbookServer;
  test.beforeEach(async () => {
    server = await new SongbookServer().start();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('a lesson never opened opens offline from the worker: title, notes, key, time and tempo, an offline copy, its files said missing in place', async ({ page, context }) => {
    await homeOnly(page, server);
    const lesson = server.running!.songbook.store.lesson(17)!;
    await goOffline(context, server);
    await page.goto(server.url('lessons/17'));
    await expect(content(page).locator('h1')).toHaveText(lesson.title);
    await expect(content(page).locator('.lesson-facts dd')).toHaveText([lesson.key, `${lesson.beatsPerMeasure}/4`, `♩ = ${lesson.tempo}`]);
    await expect(content(page).locator('.lesson-notes p').first()).toHaveText(lesson.notes.split('\n\n')[0]!);
    await expect(offlineCopy(page)).toContainText('Offline copy');
    await expect(page).toHaveTitle(`${lesson.title} – Songbook`);
    // Neither visited nor saved: its sheet music and clip are not here, and the page says so where they would be.
    const missing = content(page).locator('[data-media-missing]');
    await expect(missing).toHaveCount(2);
    await expect(missing.first()).toContainText('Sheet music is not on this device.');
    await expect(missing.nth(1)).toContainText('The audio clip is not on this device.');
    await expect(missing.first().getByRole('button', { name: 'Save for offline' })).toHaveAttribute('data-shellac-save', '/lessons/17');
    await expect(content(page).locator('.sheet img, audio')).toHaveCount(0);
    // The practice timer's script (a hashed file the worker named from the synced asset list) runs.
    await content(page).getByRole('button', { name: 'Start practice timer' }).click();
    await expect(content(page).locator('.practice-timer')).toHaveClass(/running/);
  });

  test('offline, the home page’s search runs on the synced lessons and finds a lesson never opened', async ({ page, context }) => {
    await homeOnly(page, server);
    await goOffline(context, server);
    await page.goto(server.url());
    await settled(page);
    await page.fill('#q', 'brahms');
    await page.locator('form.search button').click();
    await expect(content(page).locator('.search-result')).toContainText('1 lesson(s) for “brahms”');
    await expect(page).toHaveURL(server.url('?q=brahms'));
    await expect(offlineCopy(page)).toBeVisible();
    await content(page).locator('.lesson-link').click();
    await expect(content(page).locator('h1')).toHaveText("Brahms' Lullaby");
  });

  test('back online, the server’s page replaces the worker’s copy in place', async ({ page, context }) => {
    await homeOnly(page, server);
    await context.setOffline(true);
    await server.pause();
    await page.goto(server.url('lessons/9'));
    await expect(offlineCopy(page)).toBeVisible();
    await expect(content(page).locator('[data-media-missing]').first()).toBeVisible();
    await server.start(server.port);
    await context.setOffline(false);
    await expect(offlineCopy(page)).toHaveCount(0);
    await expect(content(page).locator('[data-media-missing]')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => (document.querySelector('.sheet img') as HTMLImageElement | null)?.naturalWidth ?? 0)).toBeGreaterThan(0);
  });

  test('a failed sync (a body that is not JSON, an error) keeps the last good data of every source', async ({ page, context }) => {
    await homeOnly(page, server);
    const before = (await syncedNotes(page, 5))!;
    expect(server.running!.songbook.store.setNotes(5, 'Changed on the server, never synced.')).toBe(true);
    // The lessons answer with the change; the person's data then fails: the sync is all or nothing.
    server.override = (path) => (path.startsWith('/api/me.json') ? { status: 200, headers: { 'Content-Type': 'application/json' }, body: '<html>a proxy error page</html>' } : undefined);
    expect(await syncNow(page)).toMatchObject({ ok: false });
    server.override = (path) => (path.startsWith('/api/me.json') ? { status: 500, body: 'Internal server error' } : undefined);
    expect(await syncNow(page)).toMatchObject({ ok: false });
    expect(server.log.filter((r) => r.path === '/api/lessons.json').length).toBeGreaterThanOrEqual(3);
    expect(await syncedNotes(page, 5)).toBe(before);
    await goOffline(context, server);
    await page.goto(server.url('lessons/5'));
    await expect(offlineCopy(page)).toBeVisible();
    await expect(content(page).locator('.lesson-notes p').first()).toHaveText(before.split('\n\n')[0]!);
  });
});

test.describe('renderFirst, and a sync on every navigation', () => {
  let build: string;
  let server: SongbookServer;
  test.beforeAll(async () => {
    build = await buildSongbookVariant('render-first', { renderFirst: true, syncSeconds: 0.001 });
  });
  test.afterAll(() => {
    rmSync(dirname(build), { recursive: true, force: true });
  });
  test.beforeEach(async () => {
    server = await new SongbookServer(build).start();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('the worker’s render shows at once; the server’s answer, when it comes, takes its place', async ({ page }) => {
    await homeOnly(page, server);
    const { title } = server.running!.songbook.store.lesson(18)!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.hold = (path) => (path.startsWith('/lessons/18?') ? held : undefined);
    await content(page).locator('a.lesson-link[href="/lessons/18"]').click();
    await expect(content(page).locator('h1')).toHaveText(title);
    await expect(offlineCopy(page)).toBeVisible();
    await expect(content(page).locator('[data-media-missing]').first()).toBeVisible();
    release();
    await expect(offlineCopy(page)).toHaveCount(0);
    await expect(content(page).locator('.sheet img')).toBeVisible();
    await expect(content(page).locator('h1')).toHaveText(title);
  });

  test('notes changed on the server reach the worker with the next navigation’s sync', async ({ page, context }) => {
    await homeOnly(page, server);
    expect(server.running!.songbook.store.setNotes(5, 'Changed on the server.\n\nA second paragraph.')).toBe(true);
    await page.locator('.site-nav a[href="/about"]').click();
    await settled(page);
    await expect.poll(() => syncedNotes(page, 5)).toBe('Changed on the server.\n\nA second paragraph.');
    await goOffline(context, server);
    await page.goto(server.url('lessons/5'));
    await expect(offlineCopy(page)).toBeVisible();
    await expect(content(page).locator('.lesson-notes p')).toHaveText(['Changed on the server.', 'A second paragraph.']);
  });
});
