import type { RuntimeCache } from './runtime-cache.js';

/**
 * A cache read through to other sources: `match` tries `cache`, then `fallback`; everything else
 * is `cache`'s (without one, writes go nowhere). The pages cache reads saved pages and the app's
 * renders this way, so they answer when the network fails, after the copy the last visit left.
 */
export function layeredCache(cache: RuntimeCache | undefined, fallback: (request: Request | string) => Promise<Response | undefined>): RuntimeCache {
  return {
    name: cache?.name ?? 'pages',
    match: async (request) => (await cache?.match(request)) ?? fallback(request),
    put: async (request, response) => cache?.put(request, response),
    remove: async (urls) => cache?.remove(urls),
    entries: async () => (await cache?.entries()) ?? new Map(),
    reset: () => cache?.reset(),
  };
}
