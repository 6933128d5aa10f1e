import type { Handler } from '../routing/route-context.js';
import { fetchAndCache } from './fetch-and-cache.js';
import type { NetworkTimeoutOptions, StrategyOptions } from './strategy-options.js';

const TIMEOUT = Symbol('timeout');

/**
 * The network, falling back to the cache when it fails or, with `networkTimeoutSeconds`, when it is
 * slow. A late network response is still stored, so the next visit gets it.
 */
export function networkFirst(options: StrategyOptions & NetworkTimeoutOptions): Handler {
  const { cache, cacheable, networkTimeoutSeconds } = options;
  return async function networkFirstHandler(ctx) {
    const network = fetchAndCache(ctx, cache, cacheable);
    ctx.waitUntil(network.catch(() => {}));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      network.catch((e: unknown) => e),
      ...(networkTimeoutSeconds === undefined
        ? []
        : [new Promise<typeof TIMEOUT>((r) => (timer = setTimeout(r, networkTimeoutSeconds * 1000, TIMEOUT)))]),
    ]);
    clearTimeout(timer);
    if (first instanceof Response) {
      ctx.log(`${ctx.url.pathname} network ${first.status}`);
      return first;
    }
    const hit = await cache.match(ctx.request);
    ctx.log(`${ctx.url.pathname} ${first === TIMEOUT ? 'slow' : 'offline'} → ${hit ? 'cache' : 'no copy'}`);
    if (hit) return hit;
    if (first === TIMEOUT) return network;
    throw first;
  };
}
