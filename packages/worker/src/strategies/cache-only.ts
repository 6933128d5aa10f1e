import { ShellacWorkerError } from '../errors.js';
import type { Handler } from '../routing/route-context.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';

/** Only the cache; a miss goes to the catch handler. */
export function cacheOnly(options: { cache: RuntimeCache }): Handler {
  const { cache } = options;
  return async function cacheOnlyHandler(ctx) {
    const hit = await cache.match(ctx.request);
    if (!hit) throw new ShellacWorkerError('cache-miss', { url: ctx.url.href, cache: cache.name });
    return hit;
  };
}
