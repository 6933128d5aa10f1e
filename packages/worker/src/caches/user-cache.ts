import { cacheName, type CacheNameParts } from '@shellac/protocol';
import type { RuntimeCache } from './runtime-cache.js';

/** Who the per-person caches belong to right now (identity is one). */
export interface Owner {
  /** The current person's key, once the remembered person is loaded. */
  key(): Promise<string>;
  /** The current person's key now; undefined until the remembered person is loaded. */
  readonly current: string | undefined;
  /** True when a stored response may be shown to the current person. */
  owns(response: Response): boolean;
}

export interface UserCacheOptions {
  /** The cache's name without its owner: `{ scope, kind: 'pages' }`. */
  name: CacheNameParts;
  owner: Owner;
  /** Opens (once) the runtime cache of one full name, so quota handling sees it. */
  open: (name: string) => RuntimeCache;
}

/**
 * A runtime cache that belongs to whoever is signed in: it reads and writes the current person's
 * cache (`shellac:/:pages~<key>`). A response naming someone else is neither stored nor served,
 * so work still in flight for the previous person never lands in the next one's cache.
 */
export function createUserCache(options: UserCacheOptions): RuntimeCache {
  const { name, owner, open } = options;
  const current = async () => open(cacheName({ ...name, owner: await owner.key() }));
  return {
    name: cacheName(name),
    async match(request) {
      const hit = await (await current()).match(request);
      return hit && owner.owns(hit) ? hit : undefined;
    },
    async put(request, response) {
      const cache = await current();
      if (owner.owns(response)) await cache.put(request, response);
    },
    async remove(urls) {
      await (await current()).remove(urls);
    },
    async entries() {
      return (await current()).entries();
    },
    reset() {
      // The caches behind it are reset one by one when their owner's caches are dropped.
    },
  };
}
