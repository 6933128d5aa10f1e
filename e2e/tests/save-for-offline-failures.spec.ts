import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { cachesHolding } from '../support/caches-holding.js';
import { open } from '../support/open.js';
import { entry, saveButton } from '../support/save-controls.js';
import { addListenPages } from '../support/save-site.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { saveEvents, saveOutcome, startSave, type SaveOutcome, type SaveWindow } from '../support/start-save.js';
import { cachedUrls, goOffline, savedFiles } from '../support/worker.js';

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

/** The example site with `save` on, the listen pages, and meadow.png left out of the precache (so a save must store it). */
async function start(config: object = {}) {
  ({ build, server } = await startSite({ save: {}, precacheIgnore: ['img/meadow.png'], ...config }, addListenPages));
}

test('a file that answers 404 fails the save whole: nothing stored, a typed error in the handle, a message on the control', async ({ page }) => {
  await start();
  await open(page, server, 'listen/');
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
  await open(page, server, 'listen/');
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
  await open(page, server, 'listen/');
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

test('a cancelled save leaves nothing stored', async ({ page }) => {
  await start();
  await open(page, server, 'listen/');
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
  expect((await cachedUrls(page, { kind: 'meta' })).filter((url) => url.includes('/saving/'))).toEqual([]);
});
