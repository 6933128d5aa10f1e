import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ALICE, aliceBrowses, aliceInCaches } from '../support/alice.js';
import { DJANGO_PYTHON, DjangoSongbookServer } from '../support/django-songbook.js';
import { doSwitch, type Switch } from '../support/identity-switch.js';
import { content, settled } from '../support/songbook-content.js';
import { DJANGO_ROUTES } from '../support/songbook-routes.js';
import { goOffline } from '../support/worker.js';

// Issue 14, the identity matrix on the Django Songbook: the tag comes from request.user (keyed by
// a secret derived from SECRET_KEY), django.contrib.auth's logout says anonymous. After a logout,
// a change of person, or an expired session, nothing of Alice's shows to Bob or to an anonymous
// visitor, online or offline, in any tab, and nothing of hers stays in any cache.

test.skip(!DJANGO_PYTHON && !process.env.CI, 'no python3 with Django (.ci/run installs python3-django)');

const ALICE_URLS = ['', 'account/', 'lessons/1/', 'lessons/2/'];

const savedItems = (page: Page) => page.evaluate(() => window.shellacSaves!.saved().then((items) => items.map((i) => i.url)));

const SWITCHES: Record<Switch, string> = {
  logout: '(a) Alice logs out (POST /accounts/logout/)',
  bob: '(b) Bob logs in in the same browser',
  expiry: "(c) Alice's session expires on the server",
};

interface Tally {
  checks: number;
  leaks: string[];
}

async function cell(browser: Browser, kind: Switch, offline: boolean): Promise<Tally> {
  const server = await new DjangoSongbookServer().start();
  const context: BrowserContext = await browser.newContext();
  const tally: Tally = { checks: 0, leaks: [] };
  const where = `${SWITCHES[kind]}${offline ? ', offline' : ''}`;
  const check = (what: string, leaked: boolean) => {
    tally.checks++;
    if (leaked) tally.leaks.push(`${where}: ${what}`);
  };
  try {
    const page = await context.newPage();
    await aliceBrowses(page, server, DJANGO_ROUTES);
    const other = await context.newPage();
    await other.goto(server.url('account/'));
    await expect(content(other)).toContainText('Signed in as alice');
    // The precondition: Alice's pages are stored, so a leak would have something to show.
    expect((await aliceInCaches(page)).leaks.length).toBeGreaterThan(0);

    await doSwitch(kind, page, server, DJANGO_ROUTES);
    await expect.poll(async () => ALICE.test(await other.locator('body').innerText()), { timeout: 15_000 }).toBe(false);
    check('second tab after the switch', ALICE.test(await other.locator('body').innerText()));
    if (kind === 'bob') {
      await page.goto(server.url('account/'));
      await expect(content(page)).toContainText('Signed in as bob');
      await page.goto(server.url('lessons/2/'));
      await settled(page);
    }
    check('saved list after the switch', (await savedItems(page)).length > 0);
    if (offline) await goOffline(context, server);
    for (const url of ALICE_URLS) {
      await page.goto(server.url(url));
      await settled(page);
      check(`page /${url}`, ALICE.test(await page.locator('body').innerText()));
    }
    const stored = await aliceInCaches(page);
    tally.checks += stored.entries;
    tally.leaks.push(...stored.leaks.map((l) => `${where}: cached ${l}`));
    await other.reload().catch(() => {}); // offline, the shell still answers
    await settled(other);
    check('second tab reloaded', ALICE.test(await other.locator('body').innerText()));
    return tally;
  } finally {
    await context.close();
    await server.stop();
  }
}

// Two halves of the matrix, so two workers run them side by side: online, and with the server
// stopped after the switch (e). Each prints its count; both must be 0.
for (const offline of [false, true]) {
  test(`matrix${offline ? ', server stopped' : ', online'}: no page of Alice ever shows to Bob or to an anonymous visitor, in any tab`, async ({ browser }) => {
    test.setTimeout(240_000);
    const total: Tally = { checks: 0, leaks: [] };
    const cells: string[] = [];
    for (const kind of Object.keys(SWITCHES) as Switch[]) {
      const t = await cell(browser, kind, offline);
      total.checks += t.checks;
      total.leaks.push(...t.leaks);
      cells.push(`${SWITCHES[kind]}${offline ? ' + (e) server stopped' : ''}: ${t.leaks.length} of ${t.checks}`);
    }
    const line = `django identity leaks${offline ? ' (server stopped)' : ' (online)'}: ${total.leaks.length} of ${total.checks} checks in ${cells.length} scenarios`;
    console.log([line, ...cells.map((c) => `  ${c}`), ...total.leaks.map((l) => `  LEAK ${l}`)].join('\n'));
    test.info().annotations.push({ type: 'leaks', description: line });
    expect(total.leaks).toEqual([]);
  });
}
