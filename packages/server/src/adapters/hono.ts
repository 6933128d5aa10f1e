import type { MiddlewareHandler } from 'hono';
import type { ShellacServer } from '../shellac-server.js';
import type { ShellacView } from '../shellac-view.js';

declare module 'hono' {
  // Hono's documented way for middleware to type `c.get(...)` in every app that uses it.
  interface ContextVariableMap {
    /** Shellac's view helpers for this request (set by `shellacHono`). */
    shellac: ShellacView;
  }
}

/** Hono's `Env` for apps that prefer an explicit type: `new Hono<ShellacEnv>()`. */
export type ShellacEnv = { Variables: { shellac: ShellacView } };

/**
 * Hono middleware: answers Shellac's own URLs, sets `c.get('shellac')` (`contentOnly`, `layout`,
 * `asset`) for the rest, and finishes the response the routes produced. Hono speaks Request and
 * Response already, so this maps one to one onto the core.
 *
 * ```ts
 * app.use(shellacHono(shellac));
 * app.get('/lesson/:id', (c) => c.html(c.get('shellac').layout(page, content)));
 * ```
 */
export function shellacHono(shellac: ShellacServer): MiddlewareHandler<ShellacEnv> {
  return async function shellacMiddleware(c, next) {
    // Hono's own accessors: touching c.req.raw would make @hono/node-server build a full Request.
    const light = { url: c.req.url, headers: { get: (name: string) => c.req.header(name) ?? null } };
    if (shellac.owns(light)) {
      const own = await shellac.handle(c.req.raw);
      if (own) return own;
    }
    const view = shellac.view(light);
    c.set('shellac', view);
    await next();
    const finished = await shellac.finish(light, c.res, view);
    if (finished !== c.res) {
      // Cleared first: Hono's `res` setter copies the old response's headers over the new one,
      // which would put back the `Vary` just merged.
      c.res = undefined;
      c.res = finished;
    }
    return undefined;
  };
}
