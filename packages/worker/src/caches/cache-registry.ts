import { cacheName, parseCacheName, type CacheNameParts } from '@shellac/protocol';
import type { MetaStore } from '../core/meta-store.js';
import type { Unit } from '../core/unit.js';
import { freeQuota } from './free-quota.js';
import { createRuntimeCache, type RuntimeCache } from './runtime-cache.js';
import type { CacheLimits } from './select-evictions.js';

/** The scope's runtime caches (pages, routes), each opened once, with quota handling across them. */
export interface CacheRegistry {
  /** The runtime cache of this full name, created on first use with these limits. */
  open(name: string, limits?: CacheLimits): RuntimeCache;
  /** Frees room across every runtime cache after a quota error (least recently used first). */
  free(bytes: number): Promise<number>;
  /**
   * Deletes this scope's caches that `test` picks (whether opened here or left by an earlier
   * worker) and forgets their in-memory state; resolves with their names.
   */
  drop(test: (cache: CacheNameParts) => boolean): Promise<string[]>;
  /** Deletes these URLs from every runtime cache opened (a saved copy replaces them). */
  forget(urls: string[]): Promise<void>;
  /** Records a cache (any owner's, for a per-person one) as in use, so activation keeps it. */
  declare(name: CacheNameParts): void;
  /** Keeps the declared caches at activation; forgets in-memory state after a clear. */
  readonly unit: Unit;
}

export interface CacheRegistryOptions {
  /** The registration scope's path: only this scope's caches are ever dropped. */
  scope: string;
  /** Told when a write found the origin's storage full (the pages hear of it). */
  full?: ((bytes: number) => void) | undefined;
  /** The current person's key (identity): other people's caches are never named on the state page. */
  owner?: (() => string | undefined) | undefined;
  meta: MetaStore;
  now?: () => number;
  log?: (message: () => string) => void;
}

/**
 * Every cache of the scope, with its entries and bytes (a blob's size is known without reading
 * it), for the state page; another person's cache goes unnamed.
 */
async function describeCaches(scope: string, owner: CacheRegistryOptions['owner']): Promise<{ caches: { name: string; entries: number; bytes: number }[] }> {
  const out = [];
  for (const name of await caches.keys()) {
    const parts = parseCacheName(name);
    if (parts?.scope !== scope) continue;
    const cache = await caches.open(name);
    let bytes = 0;
    const keys = await cache.keys();
    for (const key of keys) bytes += (await (await cache.match(key))?.blob())?.size ?? 0;
    out.push({ name: parts.owner === undefined || parts.owner === owner?.() ? name : "another person's", entries: keys.length, bytes });
  }
  return { caches: out };
}

/** Makes the scope's registry of runtime caches (see {@link CacheRegistry}). */
export function createCacheRegistry(options: CacheRegistryOptions): CacheRegistry {
  const { scope, meta, now, log } = options;
  const open = new Map<string, RuntimeCache>();
  // Names without their owner: every person's copy of a cache in use is kept.
  const declared = new Set<string>();
  // The caches opened that still exist: reading a dropped one would make it again, empty.
  const existing = async () => {
    const names = new Set(await caches.keys());
    return [...open.values()].filter((cache) => names.has(cache.name));
  };
  const registry: CacheRegistry = {
    open(name, limits) {
      let cache = open.get(name);
      if (!cache) open.set(name, (cache = createRuntimeCache({ name, limits, meta, metaKey: `meta/${name}`, now, onQuotaExceeded: registry.free })));
      return cache;
    },
    async free(bytes) {
      log?.(() => `quota full, freeing ${bytes} B`);
      options.full?.(bytes);
      return freeQuota(await existing(), bytes);
    },
    async drop(test) {
      const names = (await caches.keys()).filter((name) => {
        const parts = parseCacheName(name);
        return parts?.scope === scope && test(parts);
      });
      // Reset, not forgotten: a route's handler holds its cache for good, and must stay under
      // quota handling when it fills again after a clear.
      for (const name of names) open.get(name)?.reset();
      await Promise.all(names.map((name) => caches.delete(name)));
      return names;
    },
    async forget(urls) {
      await Promise.all((await existing()).map((cache) => cache.remove(urls)));
    },
    declare(name) {
      declared.add(cacheName({ ...name, owner: undefined }));
    },
    unit: {
      keeps: (cache) => declared.has(cacheName({ ...cache, owner: undefined })),
      reset: () => open.forEach((cache) => cache.reset()),
      state: () => describeCaches(scope, options.owner),
    },
  };
  return registry;
}
