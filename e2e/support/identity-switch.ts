import { expect, type Page } from '@playwright/test';
import { signIn } from './sign-in.js';
import type { SongbookServer } from './songbook.js';
import { settled } from './songbook-content.js';

export type Switch = 'logout' | 'bob' | 'expiry';

/** Makes the switch of person happen in `page`: (a) a logout, (b) Bob signing in, (c) Alice's session expired on the server. */
export async function doSwitch(kind: Switch, page: Page, server: SongbookServer) {
  if (kind === 'logout') {
    await page.locator('[data-shellac-content] .signout-form button').click();
    await expect(page).toHaveURL(server.url());
    await settled(page);
  } else if (kind === 'bob') {
    await signIn(page, server, 'bob');
  } else {
    expect(server.running!.expireSessions('alice')).toBeGreaterThan(0);
    await page.goto(server.url());
    await settled(page);
  }
}
