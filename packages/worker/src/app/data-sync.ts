import { cacheName, HEADER, type DataSourceConfig } from '@shellac/protocol';
import type { Owner } from '../caches/user-cache.js';
import type { Log } from '../core/log.js';
import type { Observe } from '../core/unit.js';

/** What the app reads its synced data with. */
export interface DataReader {
  /** The last synced value of a source, or undefined before its first sync (or another person's). */
  read<T = unknown>(name: string): Promise<T | undefined>;
  /** When a source last changed on this device (ms since the epoch). */
  syncedAt(name: string): Promise<number | undefined>;
}

export interface DataSyncOptions {
  scope: URL;
  sources: DataSourceConfig[];
  /** Whose per-person sources are current (identity); without it per-person sources are shared. */
  owner?: Owner | undefined;
  /** A fresh observer of a response (identity: whose data is it?). */
  observe?: (() => Observe) | undefined;
  now: () => number;
  log: Log;
}

export interface DataSync extends DataReader {
  /** Fetches every source (`If-None-Match` when held); stores the changed ones all together or none. Resolves with their names. */
  sync(): Promise<string[]>;
}

/** Tries of one sync when the person changes during it. */
const ATTEMPTS = 2;

/** Where a source is kept (its cache's name for the current person), its URL, or the response held. */
type Place<T> = (source: DataSourceConfig) => T;

/** A changed source, ready to store. */
type Staged = { name: string; cache: string; url: string; response: Response };

/** Fetches every source; resolves with the changed ones, ready to store, or rejects when any failed. */
async function stage(options: DataSyncOptions, cacheOf: Place<Promise<string>>, urlOf: Place<string>, held: Place<Promise<Response | undefined>>): Promise<Staged[]> {
  const staged: Staged[] = [];
  for (const source of options.sources) {
    const etag = (await held(source))?.headers.get('ETag');
    // Made before the request: identity ignores an answer to a request begun before a switch.
    const observe = options.observe?.();
    const response = await fetch(urlOf(source), { cache: 'no-cache', headers: etag ? { 'If-None-Match': etag } : {} });
    await observe?.(response);
    if (response.status === 304) continue;
    if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
    const text = await response.text();
    JSON.parse(text); // a body that is not JSON fails the sync, not the app's next read
    const headers = new Headers(response.headers);
    headers.set(HEADER.stored, String(options.now()));
    staged.push({ name: source.name, cache: await cacheOf(source), url: urlOf(source), response: new Response(text, { status: 200, headers }) });
  }
  return staged;
}

/**
 * The app's data in the worker: JSON endpoints kept in Cache Storage, one response per source,
 * per person for per-person sources (`shellac:<scope>:data~<person>`, dropped with the person's
 * other caches). A sync writes only when every source answered: a failed sync leaves the data
 * of the last good one whole.
 */
export function createDataSync(options: DataSyncOptions): DataSync {
  const { scope, sources, owner, log } = options;
  const byName = new Map(sources.map((s) => [s.name, s]));
  const cacheOf = async (source: DataSourceConfig) => {
    const who = source.perUser ? await owner?.key() : undefined;
    return cacheName({ scope: scope.pathname, kind: 'data', ...(who && { owner: who }) });
  };
  const urlOf = (source: DataSourceConfig) => new URL(source.url, scope).href;
  const held = async (source: DataSourceConfig) => caches.match(urlOf(source), { cacheName: await cacheOf(source) });

  const reader: DataSync = {
    async read<T>(name: string) {
      const source = byName.get(name);
      return source && ((await held(source))?.json() as Promise<T> | undefined); // the source's own JSON
    },
    async syncedAt(name) {
      const source = byName.get(name);
      const stored = source && (await held(source))?.headers.get(HEADER.stored);
      return stored ? Number(stored) : undefined;
    },
    async sync() {
      // A sync that learns who the person is (the first one of a fresh worker does) starts over
      // for them: what it fetched may have been meant for the person before.
      for (let attempt = 1; ; attempt++) {
        const before = await owner?.key();
        const staged = await stage(options, cacheOf, urlOf, held);
        // Fetched for one person, kept for them only: a switch meanwhile drops it all.
        if ((await owner?.key()) !== before) {
          if (attempt < ATTEMPTS) continue;
          throw new Error('the person changed while syncing');
        }
        await Promise.all(staged.map(async ({ cache, url, response }) => (await caches.open(cache)).put(url, response)));
        // A switch while writing dropped the person's caches first: what landed after goes too.
        if (before !== undefined && (await owner?.key()) !== before) await caches.delete(cacheName({ scope: scope.pathname, kind: 'data', owner: before }));
        const changed = staged.map((s) => s.name);
        log(() => `data synced: ${changed.length ? changed.join(', ') : 'unchanged'}`);
        return changed;
      }
    },
  };
  return reader;
}
