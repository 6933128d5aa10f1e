import { expect, test, type Locator, type Page } from '@playwright/test';
import { SiteBuild } from '../support/build.js';
import { addListenPages, TUNE_SECONDS } from '../support/save-site.js';
import { SiteServer } from '../support/site-server.js';
import { cachedUrls, goOffline, styles, waitForControl } from '../support/worker.js';

const SITE_LOOK = { body: 'rgb(250, 247, 240)', header: 'rgb(46, 94, 78)' };

let build: SiteBuild;
let server: SiteServer;
test.afterEach(async () => {
  await server?.stop();
  build?.remove();
});

/** The example site with `save` on, the listen pages, and meadow.png left out of the precache (so a save must store it). */
async function start(config: object = {}) {
  build = new SiteBuild(undefined, { save: {}, precacheIgnore: ['img/meadow.png'], ...config });
  addListenPages(build);
  await build.build();
  server = await new SiteServer(build.out).start();
}

/** Opens a page once a worker controls the site. */
async function open(page: Page, path: string) {
  await page.goto(server.url(path));
  await waitForControl(page);
}

/** The save control of one list entry on listen/index.html. */
const entry = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
const saveButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Save for offline', exact: true });
const savedButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Saved for offline', exact: true });
const removeButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Remove from this device', exact: true });

/** URLs held in the saved cache (the index record aside). */
const savedFiles = async (page: Page) => (await cachedUrls(page, ':saved')).filter((url) => !url.includes('/__shellac/'));

test('a page never visited, saved from another page, opens offline with its look, image and a clip that seeks', async ({ page, context }) => {
  await start();
  await open(page, 'listen/');
  const tune = entry(page, 'A tune');
  await saveButton(tune).click();
  await expect(savedButton(tune)).toHaveAttribute('data-state', 'saved');
  await expect(removeButton(tune)).toBeVisible();
  expect(await savedFiles(page)).toEqual([server.url('img/meadow.png'), server.url('listen/tune.html'), server.url('media/tune.wav')]);
  const [item] = await page.evaluate(() => window.shellacSaves!.saved());
  expect(item).toMatchObject({ url: server.url('listen/tune.html'), title: 'A tune', files: 3 });
  // Never visited: the only request for it was the worker's, no navigation.
  expect(server.log.filter((r) => r.path === '/listen/tune.html').map((r) => r.headers['sec-fetch-mode'])).not.toContain('navigate');

  await goOffline(context, server);
  await page.goto(server.url('listen/tune.html'));
  await expect(page).toHaveTitle('A tune');
  expect(await styles(page)).toEqual(SITE_LOOK);
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
  // Seek to the middle, then play: the saved file answers the element's range requests.
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
  expect(played.readyState).toBeGreaterThanOrEqual(HTMLMediaElementReadyState.HAVE_FUTURE_DATA);
});

/** HTMLMediaElement.readyState values (the constants live on the element in the browser). */
const HTMLMediaElementReadyState = { HAVE_FUTURE_DATA: 3 } as const;
