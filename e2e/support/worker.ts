import type { BrowserContext, Page } from '@playwright/test';
import { cacheNamesOf, type CacheMatch } from './cache-names.js';
import type { SiteServer } from './site-server.js';

/** Waits until a worker controls the page (Shellac claims clients on activation). */
export async function waitForControl(page: Page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 15_000 });
}

/** Remembers the controlling worker, so {@link untilReplaced} can tell its successor without asking it. */
export function markController(page: Page): Promise<void> {
  return page.evaluate(() => void ((window as unknown as { shellacOld?: unknown }).shellacOld = navigator.serviceWorker.controller)); // a property of this document only
}

/**
 * Waits until a worker other than the one {@link markController} saw controls the page, then
 * gives its version. It watches the page only: polling the old worker with messages (as
 * `workerVersion` does) hands it one event after another, and Chromium activates a worker that
 * skipped waiting only once the old one has no event in flight, so under load the new version
 * stayed `installed` past 20 s (static-site and self-repair update tests, 3 failures in 2
 * clean-clone runs).
 */
export async function untilReplaced(page: Page, timeout = 20_000): Promise<string> {
  await page.waitForFunction(() => {
    const now = navigator.serviceWorker.controller;
    return !!now && now !== (window as unknown as { shellacOld?: unknown }).shellacOld; // set by markController
  }, undefined, { timeout });
  return workerVersion(page);
}

/**
 * The controlling worker's version, asked over a MessageChannel. A worker still activating may
 * not answer, so each ask gives up after a second (callers poll).
 */
export function workerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data.version);
        navigator.serviceWorker.controller?.postMessage({ type: 'shellac:status' }, [channel.port2]);
        setTimeout(() => resolve('no answer'), 1000);
      }),
  );
}

/**
 * The controlling worker's `status` reply. The worker answers once it has read back its debug
 * flag, so a reply proves that lines logged before it were printed or dropped.
 */
export function workerStatus(page: Page): Promise<{ version: string; scope: string; debug: boolean }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data);
        navigator.serviceWorker.controller!.postMessage({ type: 'shellac:status' }, [channel.port2]);
      }),
  );
}

/** The URLs held in this origin's caches that `selector` picks (as `{ kind: 'pages' }`), sorted. */
export async function cachedUrls(page: Page, selector: CacheMatch): Promise<string[]> {
  const names = await cacheNamesOf(page, selector);
  return page.evaluate(async (names) => {
    const urls: string[] = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls.sort();
  }, names);
}

/** The URLs held in the scope's precache. */
export const precacheKeys = (page: Page) => cachedUrls(page, { kind: 'precache' });

/** URLs held in the saved cache (the index record aside). */
export const savedFiles = async (page: Page) => (await cachedUrls(page, { kind: 'saved' })).filter((url) => !url.includes('/__shellac/'));

/** Offline for real: the browser emulates no network and the server is stopped. */
export async function goOffline(context: BrowserContext, server: SiteServer) {
  await context.setOffline(true);
  await server.stop();
}

/** Resolves when the page's computed colours show the site stylesheet applied. */
export async function styles(page: Page) {
  return page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    header: getComputedStyle(document.querySelector('.site-header') ?? document.body).backgroundColor,
  }));
}
