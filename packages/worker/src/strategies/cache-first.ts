import type { Handler } from '../routing/route-context.js';
import { fetchAndCache } from './fetch-and-cache.js';
import type { StrategyOptions } from './strategy-options.js';

/** The cached copy when there is one; otherwise the network, kept for next time. */
export function cacheFirst(options: StrategyOptions): Handler {
  const { cache, cacheable } = options;
  return async function cacheFirstHandler(ctx) {
    const hit = await cache.match(ctx.request);
    ctx.log(`${ctx.url.pathname} ${hit ? 'hit' : 'miss'}`);
    return hit ?? fetchAndCache(ctx, cache, cacheable);
  };
}
