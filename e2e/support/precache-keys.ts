import type { Page } from '@playwright/test';
import { cachedUrls } from './worker.js';

/** The URLs held in the scope's precache. */
export const precacheKeys = (page: Page) => cachedUrls(page, ':precache');
