import type { Page } from '@playwright/test';
import type { FrontServer } from './front-server.js';
import { waitForControl } from './worker.js';

/** Opens a page once a worker controls the site. */
export async function open(page: Page, server: FrontServer, path: string) {
  await page.goto(server.url(path));
  await waitForControl(page);
}
