import type { MetaStore } from '../core/meta-store.js';
import { createCacheIndex } from './cache-index.js';
import { putWithRoom } from './put-with-room.js';
import { selectEvictions, type CacheLimits, type EntryMeta } from './select-evictions.js';

/** A cache with limits, kept least-recently-used. */
export interface RuntimeCache {
  readonly name: string;
  /** The cached response, or undefined when absent or older than `maxAgeSeconds`. */
  match(request: Request | string): Promise<Response | undefined>;
  /**
   * Stores a response, then evicts to meet the limits. On a quota error it asks `onQuotaExceeded`
   * to free room and retries once; a second failure rejects.
   */
  put(request: Request | string, response: Response): Promise<void>;
  /** Deletes these URLs (used to free room across caches on a quota error). */
  remove(urls: string[]): Promise<void>;
  /** Every entry's metadata, for choosing what to evict across caches. */
  entries(): Promise<Map<string, EntryMeta>>;
  /** Forgets in-memory state after the cache was deleted from outside. */
  reset(): void;
}

export interface RuntimeCacheOptions {
  name: string;
  limits?: CacheLimits;
  /** Where the index is persisted: one record per cache in the scope's meta store. */
  meta: MetaStore;
  metaKey: string;
  /** The clock of `maxAgeSeconds` and recency (ms since the epoch); default `Date.now`. */
  now?: (() => number) | undefined;
  /** Frees room across caches when the origin's quota is full; resolves once done. */
  onQuotaExceeded?: (bytesNeeded: number) => Promise<unknown>;
}


/**
 * A cache kept least-recently-used within its limits. A hit only updates the index in memory
 * (Workbox writes to IndexedDB on every hit, which costs latency); the index is persisted with
 * the next write, so recency survives a worker restart up to the last store (`cache-index.ts`).
 */
export function createRuntimeCache(options: RuntimeCacheOptions): RuntimeCache {
  const { name, limits = {} } = options;
  const now = options.now ?? Date.now;
  const index = createCacheIndex(name, options.meta, options.metaKey);
  const keyOf = (request: Request | string) => (typeof request === 'string' ? request : request.url);
  return {
    name,
    async match(request) {
      const response = await (await index.load()).match(request);
      if (!response) return undefined;
      const url = keyOf(request);
      const m = index.entries.get(url);
      const t = now();
      if (m && limits.maxAgeSeconds !== undefined && t - m.stored > limits.maxAgeSeconds * 1000) {
        await index.remove([url]).then(index.save);
        return undefined;
      }
      if (m) m.used = t;
      return response;
    },
    async put(request, response) {
      const cache = await index.load();
      // An opaque response can be neither read nor rebuilt (status 0): store it as it is. Otherwise
      // a blob gives the stored size exactly (Content-Length is the compressed size, or absent),
      // lets us retry the same body after a quota error, and drops the `redirected` flag that
      // would make Chrome refuse the response for a navigation.
      const body = response.type === 'opaque' ? undefined : await response.blob();
      // A null-body status (204, 304) must be rebuilt without a body, or the constructor throws.
      const copy = () => (body ? new Response(response.status === 204 || response.status === 304 ? null : body, response) : response);
      await putWithRoom(cache, request, copy, body?.size ?? 0, body && options.onQuotaExceeded);
      const t = now();
      index.entries.set(keyOf(request), { stored: t, used: t, size: body?.size ?? 0 });
      await index.remove(selectEvictions(index.entries, limits, t));
      await index.save();
    },
    async remove(urls) {
      await index.remove(urls);
      await index.save();
    },
    async entries() {
      await index.load();
      return index.entries;
    },
    reset: index.reset,
  };
}
