import { expect, type Page } from '@playwright/test';
import { signIn } from './sign-in.js';
import type { FrontServer } from './front-server.js';
import { settled } from './songbook-content.js';
import { NODE_ROUTES } from './songbook-routes.js';

export type Switch = 'logout' | 'bob' | 'expiry';

/** A Songbook that can end a person's sessions (the Node demo's or Django's). */
type SessionServer = FrontServer & { expireSessions(username: string): number };

/** Makes the switch of person happen in `page`: (a) a logout, (b) Bob signing in, (c) Alice's session expired on the server. */
export async function doSwitch(kind: Switch, page: Page, server: SessionServer, routes = NODE_ROUTES) {
  if (kind === 'logout') {
    await page.locator('[data-shellac-content] .signout-form button').click();
    await expect(page).toHaveURL(server.url());
    await settled(page);
  } else if (kind === 'bob') {
    await signIn(page, server, 'bob', routes.login);
  } else {
    expect(server.expireSessions('alice')).toBeGreaterThan(0);
    await page.goto(server.url());
    await settled(page);
  }
}
