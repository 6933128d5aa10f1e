import { cacheable, type Cacheable } from '../caches/cacheable.js';
import type { RouteContext } from '../routing/route-context.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';

const byDefault = cacheable();

/** The navigation preload response when there is one, else a fetch; shown to the runtime (`observe`) first. */
export async function fromNetwork(ctx: RouteContext): Promise<Response> {
  const preloaded = await ctx.preload?.catch(() => undefined);
  const response = preloaded ?? (await fetch(ctx.request));
  await ctx.observe?.(response);
  return response;
}

/**
 * Fetches and, when the response may be kept, stores a copy in the background, so the caller
 * never waits on storage and a failing write never breaks the response. (Range requests reach a
 * caching strategy whole: see `withRanges`.)
 */
export async function fetchAndCache(ctx: RouteContext, cache: RuntimeCache, isCacheable: Cacheable = byDefault): Promise<Response> {
  const response = await fromNetwork(ctx);
  if (isCacheable(response)) {
    ctx.waitUntil(cache.put(ctx.request, response.clone()).catch((e) => ctx.log(`${ctx.url.pathname} not cached: ${e}`)));
  }
  return response;
}
