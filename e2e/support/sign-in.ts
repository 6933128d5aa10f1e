import { expect, type Page } from '@playwright/test';
import type { FrontServer } from './front-server.js';
import { content, settled } from './songbook-content.js';

/**
 * Signs `username` in through the Songbook's login form (password `songbook`), at `loginPath`:
 * `login` in the Node Songbook, `accounts/login/` in Django's.
 */
export async function signIn(page: Page, server: FrontServer, username: string, loginPath = 'login') {
  await page.goto(server.url(loginPath));
  await settled(page);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'songbook');
  await page.locator('[data-shellac-content] form button[type=submit]').click();
  await expect(content(page)).toContainText(`Signed in as ${username}`, { timeout: 15_000 });
}
