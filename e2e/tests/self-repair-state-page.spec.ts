import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SiteBuild } from '../support/build.js';
import { installed } from '../support/installed.js';
import type { SiteServer } from '../support/site-server.js';
import { startSite, stopSite } from '../support/start-site.js';
import { SongbookServer } from '../support/songbook.js';
import { precacheKeys, waitForControl, workerStatus } from '../support/worker.js';

// The state page (`__shellac/state`), answered by the worker: what it holds and what it did, as
// text and as JSON, and never the previous person's data.

let build: SiteBuild;
let server: SiteServer;
test.afterEach(() => stopSite({ build, server }));

async function start(config?: object, prepare?: (b: SiteBuild) => void) {
  ({ build, server } = await startSite(config, prepare));
}

/** The state page's text and JSON, fetched by the page (answered by its worker). */
const statePage = (page: Page, query = '') => page.evaluate((url) => fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get('Content-Type'), body: await r.text() })), `${new URL(page.url()).origin}/__shellac/state${query}`);

test('the state page: versions, last check, open tabs, caches, the log; ?json and the client status() say the same', async ({ page, context }) => {
  await start();
  await installed(page, server);
  const version = build.summary!.version;
  await page.evaluate(() => window.shellac!.debug(true));
  await expect.poll(async () => (await workerStatus(page)).debug).toBe(true);
  const other = await context.newPage();
  await other.goto(server.url('guide/'));

  const text = await statePage(page);
  expect(text.status).toBe(200);
  expect(text.type).toBe('text/plain; charset=utf-8');
  expect(text.body).toMatch(new RegExp(`^Shellac ${server.url()}\nVersions\n  version: ${version}\n  checked\n    at: \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\n    outcome: current\n  tabs\n    [\\w-]+: ${version}\n    [\\w-]+: ${version}\nStorage\n  caches\n`));
  expect(text.body).toMatch(/\n      name: shellac:\/:precache\n      entries: \d+\n      bytes: \d+\n/);
  expect(text.body).toMatch(/\nLog\n  debug: true\n  log\n(    .+\n)+$/);

  const json = JSON.parse((await statePage(page, '?json')).body) as import('@shellac/protocol').StatusReply; // the worker's StatusReply
  expect(json.version).toBe(version);
  expect(json.checked?.outcome).toBe('current');
  expect(Object.values(json.tabs ?? {})).toEqual([version, version]);
  const precache = json.caches?.find((c) => c.name === 'shellac:/:precache');
  expect(precache?.entries).toBe((await precacheKeys(page)).length);
  expect(precache?.bytes).toBeGreaterThan(build.summary!.precachedBytes);
  for (const key of Object.keys(json.tabs ?? {})) expect(text.body).toContain(`    ${key}: ${version}\n`);
  const status = await page.evaluate(() => window.shellac!.status());
  const { log: _l1, ...fromPage } = json;
  const { log: _l2, ...fromClient } = status!;
  expect(fromClient).toEqual(fromPage);

  // A closed tab is no longer listed.
  await other.close();
  await expect.poll(async () => Object.keys(JSON.parse((await statePage(page, '?json')).body).tabs)).toHaveLength(1);
});

test('statePage: false leaves the state page to the network', async ({ page }) => {
  await start();
  // A worker written by hand with createShellac({ statePage: false }): the same runtime, the option set.
  const sw = join(build.out, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace('shellac({', 'shellac({"statePage":false,'));
  await installed(page, server);
  const mark = server.log.length;
  const answer = await statePage(page, '?json');
  expect(server.pathsSince(mark)).toEqual(['/__shellac/state']);
  expect(answer.status).toBe(404);
});

test("the Songbook's state page shows the person's tag and caches, never the previous person's", async ({ page }) => {
  const songbook = await new SongbookServer().start();
  try {
    await page.goto(songbook.url());
    await waitForControl(page);
    await page.evaluate(() => window.shellac!.debug(true));
    await expect.poll(async () => (await workerStatus(page)).debug).toBe(true);
    await signIn(page, songbook, 'alice');
    await page.goto(songbook.url('lessons/1'));
    await expect(page.locator('[data-shellac-content] h1')).toBeVisible();
    await page.goto(songbook.url('account'));
    await expect(page.locator('[data-shellac-content]')).toContainText('Signed in as alice');
    const alice = JSON.parse((await statePage(page, '?json')).body) as import('@shellac/protocol').StatusReply; // the worker's StatusReply
    expect(alice.user).toMatch(/^[\w-]{8,}$/);
    expect(alice.caches?.some((c) => c.name.includes(alice.user!))).toBe(true);

    await signIn(page, songbook, 'bob');
    const bob = JSON.parse((await statePage(page, '?json')).body) as import('@shellac/protocol').StatusReply; // the worker's StatusReply
    expect(bob.user).toMatch(/^[\w-]{8,}$/);
    expect(bob.user).not.toBe(alice.user);
    for (const { body } of [await statePage(page), await statePage(page, '?json')]) {
      expect(body).toContain(bob.user!);
      expect(body).not.toContain(alice.user!);
      expect(body).not.toMatch(/alice|\/lessons\/1|\/account/);
    }
    const status = await page.evaluate(() => window.shellac!.status());
    expect(status?.user).toBe(bob.user);
    expect(JSON.stringify(status)).not.toContain(alice.user!);
  } finally {
    await songbook.stop();
  }
});

async function signIn(page: Page, songbook: SongbookServer, username: string) {
  await page.goto(songbook.url('login'));
  await expect(page.locator('[data-shellac-content] h1')).toBeVisible({ timeout: 15_000 });
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'songbook');
  await page.locator('[data-shellac-content] form button[type=submit]').click();
  await expect(page.locator('[data-shellac-content]')).toContainText(`Signed in as ${username}`, { timeout: 15_000 });
}
