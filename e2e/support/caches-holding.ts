import type { Page } from '@playwright/test';

/** Every cache of the origin that holds one of these URLs (the precache aside, which holds the site's own files). */
export const cachesHolding = (page: Page, urls: string[]) =>
  page.evaluate(async (urls) => {
    const found: string[] = [];
    for (const name of await caches.keys()) for (const url of urls) if (await (await caches.open(name)).match(url, { ignoreVary: true })) found.push(`${name} ${url}`);
    return found;
  }, urls);
