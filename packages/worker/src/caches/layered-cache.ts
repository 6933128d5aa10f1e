import type { RuntimeCache } from './runtime-cache.js';

/**
 * A cache read through to a second source: `match` tries `cache`, then `fallback`; everything else
 * is `cache`'s (without one, writes go nowhere). The pages cache reads saved pages this way, so a
 * page someone saved answers when the network fails, after the copy their last visit left.
 */
export function layeredCache(cache: RuntimeCache | undefined, fallback: (url: string) => Promise<Response | undefined>): RuntimeCache {
  return {
    name: cache?.name ?? 'saved',
    match: async (request) => (await cache?.match(request)) ?? fallback(typeof request === 'string' ? request : request.url),
    put: async (request, response) => cache?.put(request, response),
    remove: async (urls) => cache?.remove(urls),
    entries: async () => (await cache?.entries()) ?? new Map(),
    reset: () => cache?.reset(),
  };
}
