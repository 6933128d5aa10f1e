import { expect, type Page } from '@playwright/test';
import type { SongbookServer } from './songbook.js';
import { content, settled } from './songbook-content.js';

/** Signs `username` in through the Songbook's login form (password `songbook`). */
export async function signIn(page: Page, server: SongbookServer, username: string) {
  await page.goto(server.url('login'));
  await settled(page);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'songbook');
  await page.locator('[data-shellac-content] form button[type=submit]').click();
  await expect(content(page)).toContainText(`Signed in as ${username}`, { timeout: 15_000 });
}
