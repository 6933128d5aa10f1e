import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { cacheNamed } from '../support/cache-names.js';
import { open } from '../support/open.js';
import { entry, removeButton, saveButton, savedButton } from '../support/save-controls.js';
import { addListenPages, TUNE_SECONDS } from '../support/save-site.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { SITE_LOOK } from '../support/site-look.js';
import { saveEvents, saveOutcome, startSave } from '../support/start-save.js';
import { goOffline, savedFiles, styles } from '../support/worker.js';

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

/** The example site with `save` on, the listen pages, and meadow.png left out of the precache (so a save must store it). */
async function start(config: object = {}) {
  ({ build, server } = await startSite({ save: {}, precacheIgnore: ['img/meadow.png'], ...config }, addListenPages));
}

/** HTMLMediaElement.readyState: enough data to play on. */
const HAVE_FUTURE_DATA = 3;

/** The page's clip loads, seeks to its middle and plays from there (muted: autoplay rules). */
async function seeksAndPlays(page: Page) {
  const middle = TUNE_SECONDS / 2;
  const audio = page.locator('audio');
  await audio.evaluate(async (el: HTMLAudioElement, at) => {
    el.muted = true;
    el.preload = 'auto';
    el.load();
    await new Promise((resolve, reject) => ((el.onloadedmetadata = resolve), (el.onerror = () => reject(new Error(`media error ${el.error?.code}`)))));
    el.currentTime = at;
    await new Promise((resolve) => (el.onseeked = resolve));
  }, middle);
  expect(await audio.evaluate((el: HTMLAudioElement) => [el.duration, el.currentTime])).toEqual([TUNE_SECONDS, middle]);
  const played = await audio.evaluate(
    (el: HTMLAudioElement, at) =>
      new Promise<{ time: number; readyState: number }>((resolve, reject) => {
        el.ontimeupdate = () => el.currentTime > at && resolve({ time: el.currentTime, readyState: el.readyState });
        el.play().catch(reject);
      }),
    middle,
  );
  expect(played.time).toBeGreaterThan(middle);
  expect(played.time).toBeLessThan(TUNE_SECONDS);
  expect(played.readyState).toBeGreaterThanOrEqual(HAVE_FUTURE_DATA);
}

test('a page never visited, saved from another page, opens offline with its look, image and a clip that seeks', async ({ page, context }) => {
  await start();
  await open(page, server, 'listen/');
  const tune = entry(page, 'A tune');
  await saveButton(tune).click();
  await expect(savedButton(tune)).toHaveAttribute('data-state', 'saved');
  await expect(removeButton(tune)).toBeVisible();
  expect(await savedFiles(page)).toEqual([server.url('img/meadow.png'), server.url('listen/tune.html'), server.url('media/tune.wav')]);
  const [item] = await page.evaluate(() => window.shellacSaves!.saved());
  expect(item).toMatchObject({ url: server.url('listen/tune.html'), title: 'A tune', files: 3 });
  const clipSize = statSync(join(build.out, 'media/tune.wav')).size;
  const storage = await page.evaluate(() => window.shellacSaves!.storage());
  expect(storage.usage).toBeGreaterThan(clipSize);
  expect(storage.quota).toBeGreaterThan(storage.usage);
  expect(storage.persisted).toBe(false); // a fresh profile: Chromium granted no persistence
  // Never visited: the only request for it was the worker's, no navigation.
  expect(server.log.filter((r) => r.path === '/listen/tune.html').map((r) => r.headers['sec-fetch-mode'])).not.toContain('navigate');

  await goOffline(context, server);
  await page.goto(server.url('listen/tune.html'));
  await expect(page).toHaveTitle('A tune');
  expect(await styles(page)).toEqual(SITE_LOOK);
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
  await seeksAndPlays(page);
});

test('with Background Fetch, the browser downloads the item, the worker stores it, and it works offline', async ({ page, context }) => {
  await start();
  await open(page, server, 'listen/');
  expect(await page.evaluate(() => 'BackgroundFetchManager' in self)).toBe(true);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.hold = (path) => (path === '/media/tune.wav' ? released : undefined);
  await startSave(page, 'tune.html', { background: true });
  // The fetch's progress reaches only this page, which relays it through the worker to every
  // tab (this one included): in bytes, while the clip is held.
  await expect.poll(() => saveEvents(page)).toContain('saving (background)');
  const tune = entry(page, 'A tune');
  await expect(saveButton(tune)).toHaveAttribute('data-state', 'saving');
  await expect(tune.getByRole('status')).toHaveText(/^\s*Saving… \d+(\.\d)? kB$/);
  release();
  expect(await saveOutcome(page)).toEqual({ ok: true, urls: [server.url('listen/tune.html')] });
  // The end came from the worker's backgroundfetchsuccess, under the Background Fetch's id.
  expect((await saveEvents(page)).at(-1)).toBe('saved (background)');
  await expect(savedButton(entry(page, 'A tune'))).toBeVisible();
  expect(await savedFiles(page)).toEqual([server.url('img/meadow.png'), server.url('listen/tune.html'), server.url('media/tune.wav')]);
  await goOffline(context, server);
  await page.goto(server.url('listen/tune.html'));
  await expect(page).toHaveTitle('A tune');
  expect(await styles(page)).toEqual(SITE_LOOK);
  await seeksAndPlays(page);
});

test('a 206 from the network is never cached as the file: a caching route keeps the whole clip and cuts ranges from it', async ({ page, context }) => {
  await start({ routes: [{ match: 'media/*', strategy: 'cacheFirst', cacheName: 'media' }] });
  const clip = readFileSync(join(build.out, 'media/tune.wav'));
  // The server answers ranges (as most do): a strategy that forwarded them would get a 206.
  server.override = (path, headers) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(headers.range ?? ''));
    if (path !== '/media/tune.wav' || !range) return undefined;
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : clip.length - 1;
    return { status: 206, headers: { 'Content-Type': 'audio/wav', 'Content-Range': `bytes ${start}-${end}/${clip.length}` }, body: clip.subarray(start, end + 1) };
  };
  await open(page, server, 'listen/tune.html');
  await page.reload(); // controlled from the start, so the clip's requests go through the route
  await page.locator('audio').evaluate(async (el: HTMLAudioElement) => {
    el.preload = 'auto';
    el.load();
    await new Promise((resolve) => (el.oncanplaythrough = resolve));
  });
  const media = await cacheNamed(page, { kind: 'runtime', name: 'media' });
  const cached = await page.evaluate(async ({ name, url }) => {
    const response = (await (await caches.open(name)).match(url))!;
    return { status: response.status, range: response.headers.get('Content-Range'), size: (await response.arrayBuffer()).byteLength };
  }, { name: media, url: server.url('media/tune.wav') });
  expect(cached).toEqual({ status: 200, range: null, size: clip.length });
  expect(server.log.filter((r) => r.path === '/media/tune.wav').map((r) => r.headers.range)).toEqual([undefined]);
  // A range asked of the route is cut from the whole file, online or not.
  await goOffline(context, server);
  const part = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Range: 'bytes=100-199' } });
    return { status: response.status, range: response.headers.get('Content-Range'), size: (await response.arrayBuffer()).byteLength };
  }, server.url('media/tune.wav'));
  expect(part).toEqual({ status: 206, range: `bytes 100-199/${clip.length}`, size: 100 });
});
