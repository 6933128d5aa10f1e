import { expect, type Page } from '@playwright/test';
import type { FrontServer } from './front-server.js';
import { PAGES } from './site-pages.js';
import { cachedUrls, waitForControl } from './worker.js';

/** The site installed and controlling `page`, with every page of PAGES visited (kept for offline). */
export async function installed(page: Page, server: FrontServer) {
  await page.goto(server.url());
  await waitForControl(page);
  for (const [path] of PAGES) {
    await page.goto(server.url(path));
    await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url(path));
  }
}
