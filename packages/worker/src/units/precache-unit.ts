import type { Unit } from '../core/unit.js';
import type { Precache } from '../precache/precache.js';
import type { Handler } from '../routing/route-context.js';

/** The files of this version: answered from the precache, installed before the version activates. */
export function precacheUnit(precache: Precache): Unit {
  const fromPrecache: Handler = async (ctx) => (await precache.match(ctx.url)) ?? fetch(ctx.request);
  return {
    route: (request, url) => (request.method === 'GET' && precache.has(url) ? { name: 'precache', handler: fromPrecache } : undefined),
    ready: () => precache.ready(),
    install: () => precache.install(),
    activate: () => precache.activate(),
    keeps: (cache) => cache.kind === 'precache',
    reset: () => precache.reset(),
  };
}
