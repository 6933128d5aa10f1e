import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** Every cache of the origin that holds one of these URLs (the precache aside, which holds the site's own files). */
const cachesHolding = (page: Page, urls: string[]) =>
  page.evaluate(async (urls) => {
    const found: string[] = [];
    for (const name of await caches.keys()) for (const url of urls) if (await (await caches.open(name)).match(url, { ignoreVary: true })) found.push(`${name} ${url}`);
    return found;
  }, urls);

/** Starts a save in the page with the API; its outcome is kept in `window.saveOutcome`. */
const startSave = (page: Page, url: string, options: { background?: boolean | 'auto' } = {}) =>
  page.evaluate(
    ({ url, options }) => {
      const control = new AbortController();
      const handle = window.shellacSaves!.save(url, { ...options, signal: control.signal });
      const w = window as unknown as SaveWindow; // the test's own fields
      w.saveControl = control;
      w.saveEvents = [];
      handle.on('progress', (m) => (w.saveEvents.push(`${m.state}${m.id === handle.id ? '' : ' (background)'}`), (w.saveFiles = m.files)));
      handle.on('error', (e) => w.saveEvents.push(`error ${e.code}`));
      w.saveOutcome = handle.done.then(
        (reply) => ({ ok: true, urls: reply.items.map((i) => i.url) }),
        (e) => ({ ok: false, name: e.name, code: e.code, message: e.message, details: { ...e.details, reply: undefined } }),
      );
    },
    { url, options },
  );
type SaveOutcome = { ok: true; urls: string[] } | { ok: false; name: string; code: string; message: string; details: Record<string, unknown> };
interface SaveWindow {
  saveControl: AbortController;
  saveEvents: string[];
  /** The files count of the latest progress message. */
  saveFiles?: { done: number; total: number };
  saveOutcome: Promise<SaveOutcome>;
}
const saveOutcome = (page: Page) => page.evaluate(() => (window as unknown as SaveWindow).saveOutcome);
const saveEvents = (page: Page) => page.evaluate(() => (window as unknown as SaveWindow).saveEvents);

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


test('a saved page outlives the pages cache: visits evict it from there, never from the saved items', async ({ page, context }) => {
  await start({ pages: { maxEntries: 2 } });
  await open(page, 'listen/');
  await saveButton(entry(page, 'A tune')).click();
  await expect(savedButton(entry(page, 'A tune'))).toBeVisible();
  const tune = server.url('listen/tune.html');
  await page.goto(tune);
  await expect.poll(() => cachedUrls(page, ':pages')).toContain(tune);
  for (const path of ['about.html', 'guide/', 'guide/binoculars.html']) {
    await page.goto(server.url(path));
    await expect.poll(() => cachedUrls(page, ':pages')).toContain(server.url(path));
  }
  expect(await cachedUrls(page, ':pages')).not.toContain(tune);
  await goOffline(context, server);
  await page.goto(tune);
  await expect(page).toHaveTitle('A tune');
  await expect(savedButton(page)).toBeVisible();
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
});

test('remove and clear: the list empties and the files leave Cache Storage, in every tab', async ({ page, context }) => {
  await start();
  await open(page, 'listen/');
  const other = await context.newPage();
  await open(other, 'listen/tune.html');
  const names = ['A tune', 'About', 'Guide'];
  for (const name of names) await saveButton(entry(page, name)).click();
  for (const name of names) await expect(savedButton(entry(page, name))).toBeVisible();
  await expect(savedButton(other)).toBeVisible();
  // About keeps meadow.png too (data-shellac-save-also); the guide was saved by <shellac-save>.
  const [about, guide, meadow, tune, clip] = ['about.html', 'guide/', 'img/meadow.png', 'listen/tune.html', 'media/tune.wav'].map((p) => server.url(p));
  expect(await savedFiles(page)).toEqual([about, guide, meadow, tune, clip]);
  // The small items went by the worker's own fetches: no planned Background Fetch is left behind.
  expect((await cachedUrls(page, ':meta')).filter((url) => url.includes('/saving/'))).toEqual([]);

  await removeButton(entry(page, 'A tune')).click();
  await expect(saveButton(entry(page, 'A tune'))).toHaveAttribute('data-state', 'idle');
  await expect(removeButton(entry(page, 'A tune'))).toBeHidden();
  await expect(saveButton(other)).toHaveAttribute('data-state', 'idle');
  expect((await page.evaluate(() => window.shellacSaves!.saved())).map((i) => i.url).sort()).toEqual([about, guide]);
  // meadow.png stays: About holds it too.
  expect(await savedFiles(page)).toEqual([about, guide, meadow]);

  // A control added later (content swapped in) shows the state at once.
  await page.locator('main').evaluate((main) => main.insertAdjacentHTML('beforeend', '<p id="later"><button data-shellac-save="../about.html">Save</button></p>'));
  await expect(savedButton(page.locator('#later'))).toHaveAttribute('data-state', 'saved');
  await expect(removeButton(page.locator('#later'))).toBeVisible();

  expect(await page.evaluate(() => window.shellacSaves!.clearSaved())).toBe(2);
  for (const scope of [entry(page, 'About'), entry(page, 'Guide'), page.locator('#later')]) await expect(saveButton(scope)).toHaveAttribute('data-state', 'idle');
  expect(await page.evaluate(() => window.shellacSaves!.saved())).toEqual([]);
  expect(await savedFiles(page)).toEqual([]);
  expect(await cachesHolding(page, [tune, clip, meadow])).toEqual([]);
});

test('a file that answers 404 fails the save whole: nothing stored, a typed error in the handle, a message on the control', async ({ page }) => {
  await start();
  await open(page, 'listen/');
  await startSave(page, 'broken.html');
  const outcome = await saveOutcome(page);
  expect(outcome).toMatchObject({ ok: false, name: 'ShellacClientError', code: 'http', details: { url: server.url('listen/broken.html'), file: server.url('img/missing.png'), status: 404 } });
  expect(await saveEvents(page)).toEqual(['saving', 'saving', 'failed', 'error http']); // the end heard before the answer
  const broken = entry(page, 'Broken');
  await expect(saveButton(broken)).toHaveAttribute('data-state', 'failed');
  await expect(broken.getByRole('status')).toHaveText('Not saved: a file of this page is missing (error 404). Try again later.');
  expect(await savedFiles(page)).toEqual([]);
  expect(await cachesHolding(page, [server.url('listen/broken.html')])).toEqual([]);
  // The control says the same when it started the save itself.
  await saveButton(broken).click();
  await expect(broken.getByRole('status')).toHaveText(/^Not saved: a file of this page is missing \(error 404\)/);
  // And so does a Background Fetch that met the 404.
  await startSave(page, 'broken.html', { background: true });
  expect(await saveOutcome(page)).toMatchObject({ ok: false, code: 'http', details: { url: server.url('listen/broken.html'), file: server.url('img/missing.png'), status: 404 } });
  expect((await saveEvents(page)).slice(-2)).toEqual(['failed (background)', 'error http']);
  expect(await page.evaluate(() => window.shellacSaves!.saved())).toEqual([]);
  expect(await cachesHolding(page, [server.url('listen/broken.html')])).toEqual([]);
});

test('the network lost in the middle of a save leaves nothing stored and says so', async ({ page, context }) => {
  await start();
  await open(page, 'listen/');
  let requested!: () => void;
  const clipRequested = new Promise<void>((resolve) => (requested = resolve));
  server.hold = (path) => (path === '/media/tune.wav' ? (requested(), new Promise(() => {})) : undefined);
  await startSave(page, 'tune.html', { background: false });
  await clipRequested;
  // The image is fetched beside the clip: offline before it arrived, it would be the file lost.
  await page.waitForFunction(() => {
    const files = (window as unknown as SaveWindow).saveFiles;
    return files !== undefined && files.total === 3 && files.done === 2;
  });
  await goOffline(context, server);
  expect(await saveOutcome(page)).toMatchObject({ ok: false, code: 'network', details: { url: server.url('listen/tune.html'), file: server.url('media/tune.wav') } });
  const tune = entry(page, 'A tune');
  await expect(saveButton(tune)).toHaveAttribute('data-state', 'failed');
  await expect(tune.getByRole('status')).toHaveText('Not saved: the connection was lost. Try again when you are online.');
  expect(await savedFiles(page)).toEqual([]);
  expect(await cachesHolding(page, [server.url('listen/tune.html'), server.url('img/meadow.png'), server.url('media/tune.wav')])).toEqual([]);
});

test('not enough storage: a typed quota error with the bytes needed, nothing stored', async ({ page, context }) => {
  await start();
  await open(page, 'listen/');
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: usage! + 100_000 });
  await startSave(page, 'tune.html', { background: false });
  const outcome = await saveOutcome(page);
  const needed = ['listen/tune.html', 'img/meadow.png', 'media/tune.wav'].reduce((sum, f) => sum + statSync(join(build.out, f)).size, 0);
  expect(outcome).toMatchObject({ ok: false, code: 'quota', details: { url: server.url('listen/tune.html'), needed } });
  // This Chromium's storage.estimate() ignores the override while writes obey it: the worker
  // then learns of the shortage from the refused write, and leaves out how much is available.
  const { details, message } = outcome as Extract<SaveOutcome, { ok: false }>;
  expect((details.available as number | undefined) ?? 0).toBeLessThan(needed);
  expect(message).toContain(`could not save ${server.url('listen/tune.html')}: not enough storage: ${needed} bytes (${Math.round(needed / 1000)} kB) needed`);
  const tune = entry(page, 'A tune');
  await expect(saveButton(tune)).toHaveAttribute('data-state', 'failed');
  await expect(tune.getByRole('status')).toHaveText(/^Not saved: not enough space on this device \(\d+ kB (more )?needed\)\. Remove saved pages to make room\.$/);
  expect(await savedFiles(page)).toEqual([]);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin });
});

test('two tabs show the same progress and the same end', async ({ page, context }) => {
  await start();
  await open(page, 'listen/');
  const other = await context.newPage();
  await open(other, 'listen/tune.html');
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.hold = (path) => (path === '/media/tune.wav' ? released : undefined);
  const here = entry(page, 'A tune');
  await saveButton(here).click();
  for (const [control, status] of [[saveButton(here), here.getByRole('status')], [saveButton(other), other.getByRole('status')]] as const) {
    await expect(control).toHaveAttribute('data-state', 'saving');
    await expect(control).toHaveAttribute('aria-busy', 'true');
    // The page and the image are in; the clip is held.
    await expect(status).toHaveText('Saving… 2 of 3 files');
    await expect(status.locator('progress')).toHaveJSProperty('value', 2);
  }
  release();
  for (const scope of [here, other.locator('main')]) {
    await expect(savedButton(scope)).toHaveAttribute('data-state', 'saved');
    await expect(savedButton(scope)).not.toHaveAttribute('aria-busy');
    await expect(removeButton(scope)).toBeVisible();
  }
});

test('a cancelled save leaves nothing stored', async ({ page }) => {
  await start();
  await open(page, 'listen/');
  let requested!: () => void;
  const clipRequested = new Promise<void>((resolve) => (requested = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.hold = (path) => (path === '/media/tune.wav' ? (requested(), released) : undefined);
  await startSave(page, 'tune.html', { background: false });
  await clipRequested;
  await expect(saveButton(entry(page, 'A tune'))).toHaveAttribute('data-state', 'saving');
  await page.evaluate(() => (window as unknown as SaveWindow).saveControl.abort());
  expect(await saveOutcome(page)).toMatchObject({ ok: false, code: 'cancelled' });
  release();
  await expect(saveButton(entry(page, 'A tune'))).toHaveAttribute('data-state', 'idle');
  expect(await savedFiles(page)).toEqual([]);
  expect(await page.evaluate(() => window.shellacSaves!.saved())).toEqual([]);
  expect(await cachesHolding(page, [server.url('listen/tune.html'), server.url('img/meadow.png'), server.url('media/tune.wav')])).toEqual([]);

  // The same with Background Fetch: the abort reaches the browser's download, then the worker.
  let requestedAgain!: () => void;
  const clipRequestedAgain = new Promise<void>((resolve) => (requestedAgain = resolve));
  server.hold = (path) => (path === '/media/tune.wav' ? (requestedAgain(), new Promise(() => {})) : undefined);
  await startSave(page, 'tune.html', { background: true });
  await clipRequestedAgain;
  await page.evaluate(() => (window as unknown as SaveWindow).saveControl.abort());
  expect(await saveOutcome(page)).toMatchObject({ ok: false, code: 'cancelled' });
  expect((await saveEvents(page)).slice(-2)).toEqual(['cancelled (background)', 'error cancelled']);
  await expect(saveButton(entry(page, 'A tune'))).toHaveAttribute('data-state', 'idle');
  expect(await savedFiles(page)).toEqual([]);
  expect(await cachesHolding(page, [server.url('listen/tune.html'), server.url('img/meadow.png'), server.url('media/tune.wav')])).toEqual([]);
  expect((await cachedUrls(page, ':meta')).filter((url) => url.includes('/saving/'))).toEqual([]);
});

test('with Background Fetch, the browser downloads the item, the worker stores it, and it works offline', async ({ page, context }) => {
  await start();
  await open(page, 'listen/');
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
  await open(page, 'listen/tune.html');
  await page.reload(); // controlled from the start, so the clip's requests go through the route
  await page.locator('audio').evaluate(async (el: HTMLAudioElement) => {
    el.preload = 'auto';
    el.load();
    await new Promise((resolve) => (el.oncanplaythrough = resolve));
  });
  const cached = await page.evaluate(async (url) => {
    const name = (await caches.keys()).find((n) => n.endsWith(':runtime:media'))!;
    const response = (await (await caches.open(name)).match(url))!;
    return { status: response.status, range: response.headers.get('Content-Range'), size: (await response.arrayBuffer()).byteLength };
  }, server.url('media/tune.wav'));
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

test("the config's `also` is kept with every saved page, resolved against the scope", async ({ page }) => {
  await start({ save: { also: ['img/meadow.png'] } });
  await open(page, 'listen/');
  await saveButton(entry(page, 'Guide')).click();
  await expect(savedButton(entry(page, 'Guide'))).toBeVisible();
  expect(await savedFiles(page)).toEqual([server.url('guide/'), server.url('img/meadow.png')]);
});
