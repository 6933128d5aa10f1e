import type { Page } from '@playwright/test';
import { cachedUrls } from './worker.js';

/** URLs held in the saved cache (the index record aside). */
export const savedFiles = async (page: Page) => (await cachedUrls(page, ':saved')).filter((url) => !url.includes('/__shellac/'));
