import type { Handler } from '../routing/route-context.js';
import { fetchAndCache } from './fetch-and-cache.js';
import type { StrategyOptions } from './strategy-options.js';

/** The cached copy at once while the network refreshes it; the network on a miss. */
export function staleWhileRevalidate(options: StrategyOptions): Handler {
  const { cache, cacheable } = options;
  return async function staleWhileRevalidateHandler(ctx) {
    const hit = await cache.match(ctx.request);
    const network = fetchAndCache(ctx, cache, cacheable);
    ctx.log(`${ctx.url.pathname} ${hit ? 'hit' : 'miss'}`);
    if (!hit) return network;
    ctx.waitUntil(network.catch(() => {}));
    return hit;
  };
}
