import { createRuntimeCache, type RuntimeCache, type RuntimeCacheOptions } from '../caches/runtime-cache.js';
import { createMetaStore } from '../core/meta-store.js';

/** A runtime cache named `name` (a browser cache of that name), its index in a meta cache of its own. */
export function testCache(name: string, options: Partial<RuntimeCacheOptions> = {}): RuntimeCache {
  const meta = createMetaStore({ cacheName: `${name}:meta`, base: `${location.origin}/__meta/` });
  return createRuntimeCache({ name, meta, metaKey: name, ...options });
}
