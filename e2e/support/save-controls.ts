import type { Locator, Page } from '@playwright/test';

/** The save control of one list entry on listen/index.html. */
export const entry = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
export const saveButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Save for offline', exact: true });
export const savedButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Saved for offline', exact: true });
export const removeButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Remove from this device', exact: true });
