import type { Unit } from '../core/unit.js';
import type { CatchHandler, Handler } from './route-context.js';
import { compileMatcher, type Params, type UrlMatcher } from './url-pattern.js';

/** What a route matches on. Every given field must match; `method` defaults to GET. */
export interface RouteMatch {
  url?: UrlMatcher;
  method?: string;
  mode?: RequestMode;
  destination?: RequestDestination;
}

/** The route a request was given to, with what its pattern captured. */
export interface Routed {
  name: string;
  handler: Handler;
  params: Params;
  /** True when no route matched and the default handler took the request. */
  isDefault?: boolean;
}

/**
 * Routes requests to handlers; the first matching route wins. Requests no route takes go to the
 * default handler, or, with none, to the browser as if there were no worker.
 */
export interface Router {
  /** Adds a route; `name` is what the debug channel prints. */
  add(match: RouteMatch | UrlMatcher, handler: Handler, name?: string): Router;
  setDefault(handler: Handler): Router;
  setCatch(handler: CatchHandler): Router;
  find(request: Request, url: URL): Routed | undefined;
  readonly catchHandler: CatchHandler | undefined;
  /**
   * The router as two units of a Shellac runtime: its routes (and its catch handler, the first to
   * recover a failure), which come before the built-in pages route, and its default handler,
   * which takes only what nothing else does rather than switching the pages cache off.
   */
  units(): [routes: Unit, fallback: Unit];
}

/** `scope` defaults to the worker's registration scope; patterns are relative to it. */
export function createRouter(scope: URL = new URL((self as unknown as ServiceWorkerGlobalScope).registration.scope)): Router { // self is the worker's global scope here
  const routes: { test(request: Request, url: URL): Params | undefined; handler: Handler; name: string }[] = [];
  let fallback: Handler | undefined;
  const router: Router = {
    catchHandler: undefined,
    add(match, handler, name = `route ${routes.length + 1}`) {
      const m: RouteMatch = typeof match === 'object' && !(match instanceof RegExp) ? match : { url: match };
      const urlTest = m.url === undefined ? () => ({}) : compileMatcher(m.url, scope);
      const method = (m.method ?? 'GET').toUpperCase();
      routes.push({
        name,
        handler,
        test: (request, url) =>
          request.method === method &&
          (!m.mode || request.mode === m.mode) &&
          (!m.destination || request.destination === m.destination)
            ? urlTest(url, request)
            : undefined,
      });
      return router;
    },
    setDefault(handler) {
      fallback = handler;
      return router;
    },
    setCatch(handler) {
      // The interface marks it readonly for callers; only setCatch writes it.
      (router as { catchHandler: CatchHandler }).catchHandler = handler;
      return router;
    },
    find(request, url) {
      for (const r of routes) {
        const params = r.test(request, url);
        if (params) return { name: r.name, handler: r.handler, params };
      }
      return fallback && request.method === 'GET' ? { name: 'default', handler: fallback, params: {}, isDefault: true } : undefined;
    },
    units: () => [
      {
        route(request, url) {
          const found = router.find(request, url);
          return found && !found.isDefault ? found : undefined;
        },
        recover: async (ctx, error) => router.catchHandler?.(ctx, error),
      },
      { route: (request) => (fallback && request.method === 'GET' ? { name: 'default', handler: fallback } : undefined) },
    ],
  };
  return router;
}
