import type { RouteContext } from '../routing/route-context.js';
import { background } from './background.js';

/** A handler's context for `request`, with its background work (a cache write) to wait on. */
export function routeContext(request: Request, extra: Partial<RouteContext> = {}): { ctx: RouteContext; settled(): Promise<void> } {
  const work = background();
  const ctx: RouteContext = { request, url: new URL(request.url), params: {}, waitUntil: work.waitUntil, log: () => {}, clientIds: [], ...extra };
  return { ctx, settled: work.settled };
}
