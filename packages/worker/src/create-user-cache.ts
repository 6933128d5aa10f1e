import { cacheName, parseCacheName } from '@shellac/protocol';
import type { Identity } from './create-identity.js';
import type { RuntimeCache } from './runtime-cache.js';

export interface UserCacheOptions {
  /** The cache's name without its owner: `shellac:<scope>:pages`. */
  name: string;
  identity: Identity;
  /** Opens (once) the runtime cache of one name, so quota handling sees it. */
  open: (name: string) => RuntimeCache;
}

/**
 * A runtime cache that belongs to whoever is signed in: it reads and writes the current person's
 * cache (`<name>~<key>`). A response naming someone else is neither stored nor served, so work
 * still in flight for the previous person never lands in the next one's cache.
 */
export function createUserCache(options: UserCacheOptions): RuntimeCache {
  const { name, identity, open } = options;
  const current = async () => {
    await identity.ready();
    return open(cacheName({ ...parseCacheName(name)!, owner: identity.key })); // `name` is one of ours, made by cacheName
  };
  return {
    name,
    async match(request) {
      const hit = await (await current()).match(request);
      return hit && identity.owns(hit) ? hit : undefined;
    },
    async put(request, response) {
      const cache = await current();
      if (!identity.owns(response)) return;
      await cache.put(request, response);
    },
    async remove(urls) {
      await (await current()).remove(urls);
    },
    async entries() {
      return (await current()).entries();
    },
    reset() {
      // The caches behind it are reset one by one when identity drops them.
    },
  };
}
