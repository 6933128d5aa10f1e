import { expect, type Page } from '@playwright/test';

/** The Songbook's content region (the app shell swaps pages into it). */
export const content = (page: Page) => page.locator('[data-shellac-content]');
/** The content region once it shows a page or the offline block (the shell is there at once). */
export const settled = (page: Page) => expect(content(page).locator('h1, .shellac-offline').first()).toBeVisible({ timeout: 15_000 });
