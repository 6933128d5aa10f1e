import { expect, test } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { cachesHolding } from '../support/caches-holding.js';
import { open } from '../support/open.js';
import { entry, removeButton, saveButton, savedButton } from '../support/save-controls.js';
import { addListenPages } from '../support/save-site.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { cachedUrls, goOffline, savedFiles } from '../support/worker.js';

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

/** The example site with `save` on, the listen pages, and meadow.png left out of the precache (so a save must store it). */
async function start(config: object = {}) {
  ({ build, server } = await startSite({ save: {}, precacheIgnore: ['img/meadow.png'], ...config }, addListenPages));
}

test('a saved page outlives the pages cache: visits evict it from there, never from the saved items', async ({ page, context }) => {
  await start({ pages: { maxEntries: 2 } });
  await open(page, server, 'listen/');
  await saveButton(entry(page, 'A tune')).click();
  await expect(savedButton(entry(page, 'A tune'))).toBeVisible();
  const tune = server.url('listen/tune.html');
  await page.goto(tune);
  await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(tune);
  for (const path of ['about.html', 'guide/', 'guide/binoculars.html']) {
    await page.goto(server.url(path));
    await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url(path));
  }
  expect(await cachedUrls(page, { kind: 'pages' })).not.toContain(tune);
  await goOffline(context, server);
  await page.goto(tune);
  await expect(page).toHaveTitle('A tune');
  await expect(savedButton(page)).toBeVisible();
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
});

test('remove and clear: the list empties and the files leave Cache Storage, in every tab', async ({ page, context }) => {
  await start();
  await open(page, server, 'listen/');
  const other = await context.newPage();
  await open(other, server, 'listen/tune.html');
  const names = ['A tune', 'About', 'Guide'];
  for (const name of names) await saveButton(entry(page, name)).click();
  for (const name of names) await expect(savedButton(entry(page, name))).toBeVisible();
  await expect(savedButton(other)).toBeVisible();
  // About keeps meadow.png too (data-shellac-save-also); the guide was saved by <shellac-save>.
  const [about, guide, meadow, tune, clip] = ['about.html', 'guide/', 'img/meadow.png', 'listen/tune.html', 'media/tune.wav'].map((p) => server.url(p));
  expect(await savedFiles(page)).toEqual([about, guide, meadow, tune, clip]);
  // The small items went by the worker's own fetches: no planned Background Fetch is left behind.
  expect((await cachedUrls(page, { kind: 'meta' })).filter((url) => url.includes('/saving/'))).toEqual([]);

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

test('two tabs show the same progress and the same end', async ({ page, context }) => {
  await start();
  await open(page, server, 'listen/');
  const other = await context.newPage();
  await open(other, server, 'listen/tune.html');
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

test("the config's `also` is kept with every saved page, resolved against the scope", async ({ page }) => {
  await start({ save: { also: ['img/meadow.png'] } });
  await open(page, server, 'listen/');
  await saveButton(entry(page, 'Guide')).click();
  await expect(savedButton(entry(page, 'Guide'))).toBeVisible();
  expect(await savedFiles(page)).toEqual([server.url('guide/'), server.url('img/meadow.png')]);
});
