import { HEADER, type SaveProgressMessage, type SaveState } from '@shellac/protocol';
import { isQuotaError } from '../caches/is-quota-error.js';
import type { Owner } from '../caches/user-cache.js';
import type { Observe } from '../core/unit.js';
import { fetchFiles, storedCopy } from './fetch-files.js';
import { networkFailure, SaveError } from './save-error.js';
import type { SavedRecord, SavedStore } from './saved-store.js';
import { scanCss, scanHtml } from './scan-html.js';

/** What saving one item needs from the saved unit. */
export interface SaveItemEnv {
  scope: URL;
  store: SavedStore;
  owner: Owner;
  concurrency: number;
  /** URLs kept with every saved page. */
  also: string[];
  /** True for URLs the precache answers: they are not stored twice. */
  precached(url: URL): boolean | undefined;
  /** Where a page is kept (its content URL under the app shell). */
  contentKey?: ((url: URL) => URL | undefined) | undefined;
  /** Stores the shell when it is missing (app-shell mode). */
  ensureShell?: (() => Promise<unknown>) | undefined;
  /** A fresh observer for the page's response (identity: whose page is it?). */
  observe?: (() => Observe) | undefined;
  /** Deletes these URLs from the pages and runtime caches (the saved copy replaces them). */
  evict(urls: string[]): Promise<void>;
  progress(message: Omit<SaveProgressMessage, 'type'>): void;
}

/** A planned item: its page fetched and read, the files it needs listed. */
export interface SavePlan {
  record: Omit<SavedRecord, 'bytes' | 'savedAt'>;
  page: Response;
  /** The person it is for. */
  owner: string;
}

/** Fetches a page (its content under the app shell) and lists the files it needs. */
export async function planItem(env: SaveItemEnv, raw: string, also: string[], signal: AbortSignal): Promise<SavePlan> {
  const url = new URL(raw, env.scope);
  url.hash = '';
  if (!url.href.startsWith(env.scope.href)) throw new SaveError('bad-url', url.href, `${url.href} is not a page of this site (${env.scope.href})`);
  const owner = await env.owner.key();
  const key = env.contentKey?.(url) ?? url;
  // Made before the request: a page that left before a sign-out must not switch back to its person.
  const observe = env.observe?.();
  const failed = networkFailure(url.href, key.href);
  const page = await fetch(key, { signal }).catch(failed);
  await observe?.(page);
  if (page.status !== 200) throw new SaveError('http', url.href, `${key.href}: HTTP ${page.status}`, { file: key.href, status: page.status });
  if (!page.headers.get('Content-Type')?.includes('text/html')) throw new SaveError('bad-url', url.href, `${key.href} is not an HTML page`, { file: key.href });
  const scan = scanHtml(await page.clone().text().catch(failed), url.href);
  const named = page.headers.get(HEADER.title);
  const origin = env.scope.origin;
  // The page's own extras are relative to it; the site's (`createSaved({ also })`) to the scope.
  // A page among them is kept as what its navigation will ask for: its content, under the app shell.
  const extra = [...also.map((u) => new URL(u, url).href), ...env.also.map((u) => new URL(u, env.scope).href)];
  const files = [...scan.urls, ...extra]
    .map((u) => env.contentKey?.(new URL(u))?.href ?? u)
    .filter((u) => {
      const file = new URL(u);
      return file.origin === origin && u !== key.href && !env.precached(file);
    });
  return { page, owner, record: { url: url.href, key: key.href, title: named ? decodeURIComponent(named) : scan.title || url.pathname, files: [key.href, ...new Set(files)] } };
}

/** Room left in the origin's storage, as the browser estimates it. */
async function room(): Promise<{ available: number }> {
  const { usage = 0, quota = Infinity } = (await navigator.storage?.estimate?.()) ?? {};
  return { available: quota - usage };
}

/**
 * Stores a planned item with its fetched files, whole, after the checks that can still refuse it;
 * `signal`: the save's own, so a cancel that comes before the write still stores nothing.
 */
export async function commitItem(env: SaveItemEnv, plan: Pick<SavePlan, 'record' | 'owner'>, files: Map<string, Response>, signal?: AbortSignal): Promise<SavedRecord> {
  const { record } = plan;
  if ((await env.owner.key()) !== plan.owner) throw new SaveError('user-changed', record.url, 'another person signed in while saving: nothing was stored');
  let bytes = 0;
  let needed = 0;
  for (const [url, response] of files) {
    const size = Number(response.headers.get('Content-Length')); // set by storedCopy to the bytes held
    bytes += size;
    if (!env.store.has(url)) needed += size;
  }
  const { available } = await room();
  if (needed > available) throw new SaveError('quota', record.url, `not enough storage: ${needed} B needed, ${Math.max(0, available)} B available`, { needed, available: Math.max(0, available) });
  const saved: SavedRecord = { ...record, files: [...files.keys()], bytes, savedAt: Date.now() };
  await env.ensureShell?.();
  // The last point a cancel can stop the save: the write below is one whole, never half done.
  signal?.throwIfAborted();
  const stored = await env.store.commit(saved, files, plan.owner).catch((error: unknown) => {
    // The estimate said there was room, and the write proved it wrong (estimates are loose;
    // Chromium enforces a quota set from DevTools without estimating it): how much room there
    // really is stays unknown, so `available` is left out.
    throw isQuotaError(error) ? new SaveError('quota', record.url, `not enough storage: ${needed} B needed`, { needed }) : error;
  });
  if (!stored) throw new SaveError('user-changed', record.url, 'another person signed in while saving: nothing was stored');
  await env.evict(saved.files);
  return saved;
}

/** Saves one item with the worker's own fetches: plan, fetch every file, commit; progress all along. */
export async function saveItem(env: SaveItemEnv, id: string, url: string, also: string[], signal: AbortSignal): Promise<SavedRecord> {
  const files = { done: 0, total: 1 };
  const bytes = { done: 0, total: 0 };
  const tell = (state: SaveState, at = url) => env.progress({ id, url: at, state, files: { ...files }, bytes: { ...bytes } });
  tell('saving');
  const plan = await planItem(env, url, also, signal);
  const body = await plan.page.blob().catch(networkFailure(plan.record.url, plan.record.key));
  const page = storedCopy(plan.page, body);
  files.done = 1;
  bytes.done = bytes.total = body.size;
  const rest = plan.record.files.slice(1);
  files.total += rest.length;
  tell('saving', plan.record.url);
  const fetched = await fetchFiles(rest, {
    item: plan.record.url,
    concurrency: env.concurrency,
    signal,
    onFile(size, announced) {
      files.done++;
      bytes.done += size;
      bytes.total += Math.max(size, announced);
      tell('saving', plan.record.url);
    },
    async more(file, response) {
      if (!response.headers.get('Content-Type')?.includes('text/css')) return [];
      return scanCss(await response.text(), file).filter((u) => new URL(u).origin === env.scope.origin && !env.precached(new URL(u)));
    },
    onQueued: (count) => void (files.total += count),
  });
  return commitItem(env, plan, new Map([[plan.record.key, page], ...fetched]), signal);
}
