import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { SiteBuild } from './build.js';
import { cacheNamesOf } from './cache-names.js';
import type { FrontServer } from './front-server.js';
import { SiteServer } from './site-server.js';
import { SongbookServer } from './songbook.js';
import { SONGBOOK_BUILD } from './songbook-paths.js';

/** A deployed site the kill-switch tests run on: its server, its deployed folder, pages to visit. */
export interface Deployed {
  name: string;
  server: FrontServer;
  /** The folder the server serves the worker from (what `shellac retire` is pointed at). */
  dir: string;
  /** Pages to navigate to, as paths under the scope; the first is the home page. */
  pages: string[];
  /** The path the worker fetches its manifest from. */
  manifestPath: string;
  stop(): Promise<void>;
}

/** The retrofitted static site of examples/static-site, built and served by `shellac serve`. */
export async function staticSite(): Promise<Deployed> {
  const build = new SiteBuild();
  await build.build();
  const server = await new SiteServer(build.out).start();
  return { name: 'static site', server, dir: build.out, pages: ['', 'guide/', 'guide/binoculars.html', 'tools/counter.html', 'about.html'], manifestPath: '/shellac-manifest.json', stop: async () => (await server.stop(), build.remove()) };
}

/** The Songbook (app shell, people signing in), on its own copy of the global setup's build. */
export async function songbook(): Promise<Deployed> {
  const dir = mkdtempSync(join(tmpdir(), 'shellac-songbook-build-'));
  cpSync(SONGBOOK_BUILD, dir, { recursive: true });
  const server = await new SongbookServer(dir).start();
  return { name: 'Songbook', server, dir, pages: ['', 'lessons/2', 'lessons/3', 'about', 'lessons/4'], manifestPath: '/shellac-manifest.json', stop: async () => (await server.stop(), rmSync(dir, { recursive: true, force: true })) };
}

/** Runs `read` in the page, again after a navigation destroyed its context (the worker reloads pages). */
export async function settled<T>(read: () => Promise<T>): Promise<T | 'navigating'> {
  try {
    return await read();
  } catch (error) {
    if (/context was destroyed|navigating|Target closed|detached/i.test(String(error))) return 'navigating';
    throw error;
  }
}

/** The origin's Shellac caches of scope `/` (names read with the protocol's parser), sorted. */
export async function shellacCaches(page: Page): Promise<string[] | 'navigating'> {
  const names = await settled(() => cacheNamesOf(page, (c) => c.scope === '/'));
  return names === 'navigating' ? names : names.sort();
}

/** Whether a worker registration covers the page (its scope). */
export function registered(page: Page): Promise<boolean | 'navigating'> {
  return settled(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())));
}

/** One navigation and the responses it brought, with how many the worker answered. */
export interface Visit {
  path: string;
  responses: number;
  fromWorker: string[];
}

/** Navigates to `path` and waits for the load: every response of the page, and those the worker answered. */
export async function visit(page: Page, url: string): Promise<Visit> {
  const seen: Response[] = [];
  const listen = (r: Response) => void seen.push(r);
  page.on('response', listen);
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Requests the page's scripts start after load (the app shell's content, say) count too.
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', listen);
  }
  return { path: new URL(url).pathname, responses: seen.length, fromWorker: seen.filter((r) => r.fromServiceWorker()).map((r) => new URL(r.url()).pathname) };
}

/**
 * Navigates through `urls` until a navigation has no response answered by the worker: the visits
 * made, the last one clean (or all of them answered, when none was).
 */
export async function visitsUntilNetwork(page: Page, urls: string[]): Promise<Visit[]> {
  const visits: Visit[] = [];
  for (const url of urls) {
    const v = await visit(page, url);
    visits.push(v);
    if (!v.fromWorker.length) break;
  }
  return visits;
}

/**
 * Counts the client's `type` events on every page the tab loads: the client is hooked as the
 * page's script creates `window.shellac`, before any message can arrive.
 */
export async function countEvents(page: Page, type: string): Promise<() => number> {
  let count = 0;
  const binding = `__shellacCount_${type}`;
  await page.exposeFunction(binding, () => void count++);
  await page.addInitScript(
    ({ type, binding }) => {
      type Client = { on(type: string, listener: () => void): void };
      const w = window as unknown as Record<string, unknown> & { shellac?: Client }; // our own bindings
      let client: Client | undefined;
      Object.defineProperty(w, 'shellac', {
        configurable: true,
        get: () => client,
        set(value: Client) {
          client = value;
          value.on(type, () => (w[binding] as () => void)()); // the exposed function
        },
      });
    },
    { type, binding },
  );
  return () => count;
}

/** Counts the client's `retired` events, on every page the tab loads. */
export const countRetired = (page: Page) => countEvents(page, 'retired');

/**
 * Waits until the page's own registration attempt has ended: a page loaded after the worker retired
 * registers `sw.js` again, and that install must end (failed, or retired again) before the scope is
 * looked at.
 */
export function registrationSettled(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const reg = await (window as unknown as { shellac?: { ready: Promise<ServiceWorkerRegistration | undefined> } }).shellac?.ready; // the client's own promise
    const worker = reg?.installing ?? reg?.waiting;
    if (!worker) return;
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => ['redundant', 'activated'].includes(worker.state) && resolve()));
    // What a retiring worker does after activation (unregister) is over when the registration is gone.
    if (worker.state === 'activated') while (await navigator.serviceWorker.getRegistration()) await new Promise((r) => requestAnimationFrame(r));
  });
}
