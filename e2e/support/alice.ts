import { expect, type Page } from '@playwright/test';
import { signIn } from './sign-in.js';
import type { FrontServer } from './front-server.js';
import { content, settled } from './songbook-content.js';
import { NODE_ROUTES } from './songbook-routes.js';
import { waitForControl } from './worker.js';

/** What only Alice's pages hold: her name in "Signed in as", and the note on lessons in her list. */
export const ALICE = /Signed in as\s*alice|In your\s+practice list/i;
/** Alice's synced data (`/api/me.json`), as the worker keeps it. */
const ALICE_DATA = /"username"\s*:\s*"alice"/;

/** Alice signs in, keeps lesson 1 in her practice list and saves it for offline, reads lesson 2 and her account page. */
export async function aliceBrowses(page: Page, server: FrontServer, routes = NODE_ROUTES) {
  await page.goto(server.url());
  await waitForControl(page);
  await signIn(page, server, 'alice', routes.login);
  await page.goto(server.url(routes.lesson(1)));
  await settled(page);
  await page.locator('.practice-form button[type=submit]').click();
  await expect(content(page)).toContainText('In your practice list', { timeout: 15_000 });
  // Saved for offline: her copy of the lesson (with her practice note) in her saved partition.
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.getByRole('button', { name: 'Saved for offline' })).toBeVisible({ timeout: 20_000 });
  await page.goto(server.url(routes.lesson(2)));
  await settled(page);
  await page.goto(server.url(routes.account));
  await expect(content(page)).toContainText('Signed in as alice');
}

/** Every cached response of this origin whose body holds Alice's per-user content: pages, and the data the worker renders from. */
export function aliceInCaches(page: Page): Promise<{ entries: number; leaks: string[] }> {
  return page.evaluate(async ([pages, data]) => {
    const alice = new RegExp(pages, 'i');
    const aliceData = new RegExp(data);
    let entries = 0;
    const leaks: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get('Content-Type') ?? '';
        if (type.startsWith('application/json')) {
          entries++;
          if (aliceData.test(await response!.text())) leaks.push(`${name} ${request.url}`);
        }
        if (!type.startsWith('text/html')) continue;
        entries++;
        // As the page would read: markup out (`Signed in as <strong>alice</strong>`).
        if (alice.test((await response!.text()).replace(/<[^>]*>/g, ''))) leaks.push(`${name} ${request.url}`);
      }
    }
    return { entries, leaks };
  }, [ALICE.source, ALICE_DATA.source]);
}
