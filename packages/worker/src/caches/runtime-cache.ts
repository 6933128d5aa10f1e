import type { MetaStore } from '../core/meta-store.js';
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

type Saved = Record<string, [stored: number, used: number, size: number]>;

/**
 * The index lives in memory. A cache hit only updates memory (Workbox writes to IndexedDB on every
 * hit, which costs latency); the index is persisted with the next write, so recency survives a
 * worker restart up to the last store, and no hit ever waits on storage.
 */
export function createRuntimeCache(options: RuntimeCacheOptions): RuntimeCache {
  const { name, limits = {}, meta, metaKey } = options;
  const now = options.now ?? Date.now;
  const index = new Map<string, EntryMeta>();
  let loading: Promise<Cache> | undefined;
  let saving: Promise<unknown> = Promise.resolve();

  const load = () =>
    (loading ??= (async () => {
      const [cache, saved = {}] = await Promise.all([caches.open(name), meta.get<Saved>(metaKey)]);
      for (const request of await cache.keys()) {
        const s = saved[request.url];
        index.set(request.url, s ? { stored: s[0], used: s[1], size: s[2] } : { stored: 0, used: 0, size: 0 });
      }
      return cache;
    })());

  // At most one write in flight and one waiting: a waiting write reads the index when it starts,
  // so it covers every change made until then. Writing once per store instead cost 300 stores
  // about 1.5 s of index rewrites, one after another (bench: cache-hit).
  let queued: Promise<unknown> | undefined;
  const save = () =>
    (queued ??= saving = saving
      .then(() => {
        queued = undefined;
        const data: Saved = {};
        for (const [url, m] of index) data[url] = [m.stored, m.used, m.size];
        return meta.put(metaKey, data);
      })
      .catch(() => {}));

  const remove = async (urls: string[]) => {
    if (!urls.length) return;
    const cache = await load();
    for (const url of urls) index.delete(url);
    await Promise.all(urls.map((url) => cache.delete(url)));
  };

  const keyOf = (request: Request | string) => (typeof request === 'string' ? request : request.url);

  return {
    name,
    async match(request) {
      const cache = await load();
      const response = await cache.match(request);
      if (!response) return undefined;
      const url = keyOf(request);
      const m = index.get(url);
      const t = now();
      if (m && limits.maxAgeSeconds !== undefined && t - m.stored > limits.maxAgeSeconds * 1000) {
        await remove([url]).then(save);
        return undefined;
      }
      if (m) m.used = t;
      return response;
    },
    async put(request, response) {
      const cache = await load();
      // An opaque response can be neither read nor rebuilt (status 0): store it as it is. Otherwise
      // a blob gives the stored size exactly (Content-Length is the compressed size, or absent),
      // lets us retry the same body after a quota error, and drops the `redirected` flag that
      // would make Chrome refuse the response for a navigation.
      const opaque = response.type === 'opaque';
      const body = opaque ? undefined : await response.blob();
      // A null-body status (204, 304) must be rebuilt without a body, or the constructor throws.
      const copy = () => (body ? new Response(response.status === 204 || response.status === 304 ? null : body, response) : response);
      await putWithRoom(cache, request, copy, body?.size ?? 0, body && options.onQuotaExceeded);
      const t = now();
      index.set(keyOf(request), { stored: t, used: t, size: body?.size ?? 0 });
      await remove(selectEvictions(index, limits, t));
      await save();
    },
    async remove(urls) {
      await remove(urls);
      await save();
    },
    async entries() {
      await load();
      return index;
    },
    reset() {
      index.clear();
      loading = undefined;
    },
  };
}
