import { routeCacheName, type RouteConfig, type StrategyName } from '@shellac/protocol';
import { cacheable, type Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { Shellac } from '../create-shellac.js';
import { ShellacWorkerError } from '../errors.js';
import type { Handler } from './route-context.js';
import { withRanges } from '../strategies/with-ranges.js';
import type { Router } from './router.js';

/** A strategy factory as routes from configuration call it. */
export type StrategyFactory = (options: { cache: RuntimeCache; cacheable?: Cacheable; networkTimeoutSeconds?: number }) => Handler;

/**
 * Adds routes written as JSON (shellac.config.json) to a router, each with its own runtime cache
 * of the Shellac instance. Only the strategies passed in `strategies` can be named, so a bundle
 * carries only those.
 */
export function applyRoutes(shellac: Shellac, router: Router, routes: RouteConfig[], strategies: Partial<Record<StrategyName, StrategyFactory>>): Router {
  routes.forEach((route, i) => {
    const factory = strategies[route.strategy];
    if (!factory) throw new ShellacWorkerError('unknown-strategy', { route: i, strategy: route.strategy });
    const handler = factory({
      cache: shellac.runtimeCache(routeCacheName(route), route),
      // A per-user cache is one person's: their private responses may be kept there. Without
      // identity a perUser cache is a plain shared one, so private stays out.
      cacheable: cacheable({ statuses: route.statuses, opaque: route.cacheOpaque, private: route.perUser && !!shellac.identity }),
      networkTimeoutSeconds: route.networkTimeoutSeconds,
    });
    // A caching route may hold audio or video: seeking gets the part asked for, from the whole file.
    const routed = route.strategy === 'networkOnly' ? handler : withRanges(handler);
    router.add({ url: route.match, destination: route.destination as RequestDestination }, routed, `${route.match} (${route.strategy})`); // validated by the build
  });
  return router;
}
