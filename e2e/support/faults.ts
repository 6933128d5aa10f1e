import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { StatusReply } from '@shellac/protocol';
import { builtManifest } from '../../packages/cli/src/testing/built-worker.js';
import { cacheNamed } from './cache-names.js';

/**
 * The measures of the fault-injection suite: how many faults the tests inject, how many pages
 * were loaded while one was in effect, and how many of those ended broken or on the browser's
 * error page (the goal is 0).
 */
export const tally = { faults: [] as string[], pages: 0, broken: [] as string[] };

/**
 * Reports a file's tally once its tests end (faults injected, pages loaded under them, broken
 * ones), fails on any broken page, and starts the next file's tally afresh: a worker runs more
 * than one file, and a page broken in one must not fail the next.
 */
export function reportFaults(file: string) {
  test.afterAll(() => {
    const { faults, pages, broken } = tally;
    tally.faults = [];
    tally.pages = 0;
    tally.broken = [];
    console.log(`${file}: ${faults.length} fault scenarios injected (${faults.join('; ')}); ${pages} pages loaded under faults, ${broken.length} broken${broken.length ? `: ${broken.join('; ')}` : ''}`);
    expect(broken).toEqual([]);
  });
}

/** Records a fault as it is injected. */
export function fault(name: string) {
  tally.faults.push(name);
}

/**
 * Opens `url` and asserts it is a real page: status 200, never `chrome-error://`, and its own
 * heading. Counted, and a failure is recorded before the assertion throws.
 */
export async function realPage(page: Page, url: string, heading: string | RegExp) {
  tally.pages++;
  const response = await page.goto(url).catch((error: unknown) => String(error));
  const status = typeof response === 'string' ? response : response?.status();
  const h1 = await page.locator('h1').first().textContent({ timeout: 5000 }).catch(() => undefined);
  const broken = status !== 200 || page.url().startsWith('chrome-error://') || !h1 || !(typeof heading === 'string' ? h1.includes(heading) : heading.test(h1));
  if (broken) tally.broken.push(`${url}: ${status} ${page.url()} "${h1}"`);
  expect(status, url).toBe(200);
  expect(page.url()).not.toMatch(/^chrome-error:/);
  await expect(page.locator('h1').first()).toContainText(heading);
  return typeof response === 'string' ? undefined : response;
}

/** A build's manifest: its version and entries, as its `sw.js` carries them. */
export const manifestOf = builtManifest;

/** Where the precache keeps an entry's body: by hash, or under its own URL (a hashed name). */
export function entryKey(out: string, path: string, scopeUrl: string): string {
  const entry = manifestOf(out).entries.find((e) => e[0] === path);
  if (!entry) throw new Error(`${path} is not in the manifest`);
  return entry[1] === undefined ? new URL(path, scopeUrl).href : `${scopeUrl}__shellac/h/${entry[1]}`;
}

/** Deletes keys from the scope's precache in the page, as DevTools or the browser's eviction would. */
export async function deleteFromPrecache(page: Page, keys: string[]) {
  const name = await cacheNamed(page, { kind: 'precache' });
  await page.evaluate(async ({ name, keys }) => {
    const cache = await caches.open(name);
    for (const key of keys) await cache.delete(key);
  }, { name, keys });
}

/**
 * Stops every service worker of the browser through DevTools (`ServiceWorker.stopAllWorkers`), as
 * the browser does to an idle or misbehaving one, and resolves once none is running.
 */
export async function stopWorkers(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => [...running.values()].every((s) => s === 'stopped') && running.size > 0, { timeout: 10_000 }).toBe(true);
  await cdp.detach();
}

/**
 * Resolves once no worker of the browser waits to activate (DevTools' view of every registration),
 * from `page`, which may be on about:blank: a page of the site would keep the old worker in use.
 */
export async function untilNoneWaiting(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.status);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status.size > 0 && ![...status.values()].some((s) => s === 'installed' || s === 'activating'), { timeout: 15_000 }).toBe(true);
  await cdp.detach();
}

/** Every client event the page hears from now on, kept on `window.__events` (see `events`). */
export function recordEvents(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __events: object[] }; // a test-only field
    w.__events = [];
    for (const type of ['updateFailed', 'safeMode', 'retired', 'quota'] as const) window.shellac!.on(type, (e) => w.__events.push({ type, ...e }));
  });
}

/** The events recorded by `recordEvents`. */
export function events(page: Page): Promise<{ type: string; [key: string]: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events); // set by recordEvents
}

/** The registration's versions: which worker is installing, waiting and active (script URLs aside). */
export function registrationState(page: Page) {
  return page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({ installing: !!r?.installing, waiting: !!r?.waiting, active: !!r?.active })));
}

/** Asks the browser to look for a new `sw.js` (without waiting for the install). */
export function askForUpdate(page: Page) {
  return page.evaluate(() => void navigator.serviceWorker.getRegistration().then((r) => r?.update().catch(() => {})));
}

/** The state page as JSON, fetched by the page (answered by the worker). */
export function stateJson(page: Page, scopeUrl: string): Promise<StatusReply> {
  return page.evaluate((url) => fetch(url).then((r) => r.json()), `${scopeUrl}__shellac/state?json`);
}
