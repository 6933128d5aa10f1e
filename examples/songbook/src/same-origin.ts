import type { MiddlewareHandler } from 'hono';

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/**
 * Refuses form posts from other sites (CSRF). Browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; when either says another site, the post is refused. A request
 * with neither (curl, a test's fetch) is let through: it carries no victim's cookies anyway, and
 * the session cookie is `SameSite=Lax`. The Host header, not the URL, is compared, so the check
 * holds behind a proxy that keeps Host.
 */
export function sameOrigin(): MiddlewareHandler {
  return async function sameOriginCheck(c, next) {
    if (!SAFE.test(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      let crossOrigin = site !== undefined && site !== 'same-origin' && site !== 'none';
      if (origin !== undefined) {
        try {
          crossOrigin ||= new URL(origin).host !== c.req.header('host');
        } catch {
          crossOrigin = true; // `Origin: null` and other opaque origins
        }
      }
      if (crossOrigin) return c.text('Forbidden: cross-site form post', 403);
    }
    await next();
    return undefined;
  };
}
