import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { parseCacheName } from '@shellac/protocol';
import { ALICE, aliceBrowses, aliceInCaches } from '../support/alice.js';
import { doSwitch, type Switch } from '../support/identity-switch.js';
import { SongbookServer } from '../support/songbook.js';
import { content, settled } from '../support/songbook-content.js';
import { goOffline } from '../support/worker.js';

// Issue 4: after a logout, a change of person, or an expired session, nothing of Alice's shows to
// Bob or to an anonymous visitor, online or offline, in any tab; and Bob's own pages work.
// Issue 15: the worker renders pages itself from synced data, Alice's own among it: offline, the
// pages it renders after the switch are checked too, and so is her synced data.

/** The pages Alice visits before the switch (lesson 1 is in her practice list). */
const ALICE_URLS = ['', 'account', 'lessons/1', 'lessons/2'];
/** A page nobody visits: offline, only the worker's render can show it. */
const UNVISITED = 'lessons/3';

/** The saved items the page's person sees (save for offline). */
const savedItems = (page: Page) => page.evaluate(() => window.shellacSaves!.saved().then((items) => items.map((i) => i.url)));

const SWITCHES: Record<Switch, string> = {
  logout: '(a) Alice logs out',
  bob: '(b) Bob logs in in the same browser',
  expiry: "(c) Alice's session expires on the server",
};

interface Tally {
  checks: number;
  leaks: string[];
  /** Pages checked that the worker rendered itself (offline, from synced data). */
  rendered: number;
}

/**
 * One cell of the matrix: Alice browses with a second tab open on her account page, the switch
 * happens in the first tab, then (online, or with the server stopped) every page she saw is
 * opened again, both tabs are read, and every cache is searched for her content.
 */
async function cell(browser: Browser, kind: Switch, offline: boolean): Promise<Tally> {
  const server = await new SongbookServer().start();
  const context: BrowserContext = await browser.newContext();
  const tally: Tally = { checks: 0, leaks: [], rendered: 0 };
  const check = (where: string, leaked: boolean) => {
    tally.checks++;
    if (leaked) tally.leaks.push(`${SWITCHES[kind]}${offline ? ', offline' : ''}: ${where}`);
  };
  try {
    const page = await context.newPage();
    await aliceBrowses(page, server);
    const other = await context.newPage();
    await other.goto(server.url('account'));
    await expect(content(other)).toContainText('Signed in as alice');
    // The precondition: Alice's pages are stored, and her data synced for the worker to render
    // from, so a leak would have something to show.
    expect((await aliceInCaches(page)).leaks.length).toBeGreaterThan(0);
    await expect.poll(async () => (await aliceInCaches(page)).leaks.some((l) => parseCacheName(l.slice(0, l.indexOf(' ')))?.kind === 'data'), { timeout: 15_000 }).toBe(true);

    await doSwitch(kind, page, server);
    // (d) The tab left open is told to reload, and then shows no trace of Alice.
    await expect.poll(async () => ALICE.test(await other.locator('body').innerText()), { timeout: 15_000 }).toBe(false);
    check('second tab after the switch', ALICE.test(await other.locator('body').innerText()));

    if (kind === 'bob') {
      // Bob's own pages work, and are kept for him.
      await page.goto(server.url('account'));
      await expect(content(page)).toContainText('Signed in as bob');
      await page.goto(server.url('lessons/2'));
      await settled(page);
    }
    // Her saved items are hers: the next person's list is empty.
    check('saved list after the switch', (await savedItems(page)).length > 0);
    if (offline) await goOffline(context, server);
    for (const url of [...ALICE_URLS, UNVISITED]) {
      await page.goto(server.url(url));
      await settled(page);
      if (await page.locator('.shellac-offline-copy').count()) tally.rendered++;
      check(`page /${url}${offline ? ' (offline)' : ''}`, ALICE.test(await page.locator('body').innerText()));
    }
    if (kind === 'bob') {
      await page.goto(server.url('account'));
      await expect(content(page)).toContainText('Signed in as bob');
    }
    const stored = await aliceInCaches(page);
    tally.checks += stored.entries;
    tally.leaks.push(...stored.leaks.map((l) => `${SWITCHES[kind]}${offline ? ', offline' : ''}: cached ${l}`));
    await other.reload().catch(() => {}); // offline, the shell still answers
    await settled(other);
    check('second tab reloaded', ALICE.test(await other.locator('body').innerText()));
    return tally;
  } finally {
    await context.close();
    await server.stop();
  }
}

test('matrix: no page of Alice ever shows to Bob or to an anonymous visitor, online or offline, in any tab', async ({ browser }) => {
  test.setTimeout(300_000);
  const total: Tally = { checks: 0, leaks: [], rendered: 0 };
  const cells: string[] = [];
  for (const offline of [false, true]) {
    for (const kind of Object.keys(SWITCHES) as Switch[]) {
      const t = await cell(browser, kind, offline);
      total.checks += t.checks;
      total.leaks.push(...t.leaks);
      total.rendered += t.rendered;
      cells.push(`${SWITCHES[kind]}${offline ? ' + (e) server stopped' : ''}: ${t.leaks.length} of ${t.checks} (${t.rendered} pages rendered by the worker)`);
    }
  }
  const line = `identity leaks: ${total.leaks.length} of ${total.checks} checks in ${cells.length} scenarios, ${total.rendered} pages rendered by the worker`;
  console.log([line, ...cells.map((c) => `  ${c}`), ...total.leaks.map((l) => `  LEAK ${l}`)].join('\n'));
  test.info().annotations.push({ type: 'leaks', description: line });
  expect(total.leaks).toEqual([]);
  // Offline, pages the new person never opened come from the worker's render: they were checked.
  expect(total.rendered).toBeGreaterThanOrEqual(3);
});
