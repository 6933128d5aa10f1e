import type { Route } from '../core/unit.js';

export interface LogoutRouteOptions {
  scope: URL;
  /** Paths of sign-out requests (resolved against the scope). */
  paths: readonly string[];
  /** Switches to nobody; `except`: the pages that asked (they show the new person already). */
  logout(except: string[]): Promise<void>;
}

/**
 * The route of sign-out requests: a non-GET request to one of `paths`. A logout usually answers
 * with a redirect, whose headers a worker cannot read: the request itself says it. The switch is
 * done before the response goes on, so the page the redirect leads to already finds the previous
 * person's caches gone.
 */
export function logoutRoute(options: LogoutRouteOptions): (request: Request, url: URL) => Route | undefined {
  const paths = new Set(options.paths.map((p) => new URL(p, options.scope).pathname));
  const route: Route = {
    name: 'logout',
    handler: async (ctx) => {
      const response = await fetch(ctx.request);
      if (response.type === 'opaqueredirect' || response.status < 400) await options.logout(ctx.clientIds);
      return response;
    },
  };
  return (request, url) => (request.method !== 'GET' && url.origin === options.scope.origin && paths.has(url.pathname) ? route : undefined);
}
