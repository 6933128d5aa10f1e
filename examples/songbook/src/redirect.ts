import type { Context } from 'hono';
import { APPSHELL_PARAM } from '@shellac/protocol';

/** A redirect that keeps asking for content alone, so the shell's request gets content, not a full page. */
export function redirectTo(c: Context, path: string): Response {
  const contentOnly = new URL(c.req.url).searchParams.get(APPSHELL_PARAM) === '1';
  return c.redirect(contentOnly ? `${path}?${APPSHELL_PARAM}=1` : path, c.req.method === 'GET' ? 302 : 303);
}
