/** Small JSON records of one scope (the remembered person, the debug flag, cache indexes). */
export interface MetaStore {
  /** The record, or undefined when absent or unreadable. */
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MetaStoreOptions {
  /** The scope's meta cache: `shellac:<scope>:meta`. */
  cacheName: string;
  /** Records live at `<base><key>`: the scope's reserved path, never a real page. */
  base: string;
}

/**
 * Records kept as responses in the scope's meta cache rather than in IndexedDB: one storage API
 * for everything the worker keeps, deleted with the rest by `clear()` and by the browser's "clear
 * site data", and readable in DevTools beside the caches they describe.
 */
export function createMetaStore(options: MetaStoreOptions): MetaStore {
  const { cacheName, base } = options;
  const open = () => caches.open(cacheName);
  return {
    // Read through CacheStorage: opening the cache to read would create it, and a worker that only
    // looked (a retired one started again, a failing first install) would leave an empty cache behind.
    get: (key) =>
      caches
        .match(base + key, { cacheName })
        .then((r) => r?.json())
        .catch(() => undefined),
    async put(key, value) {
      await (await open()).put(base + key, new Response(JSON.stringify(value)));
    },
    async delete(key) {
      await (await open()).delete(base + key);
    },
  };
}
