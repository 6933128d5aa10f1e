import { ANONYMOUS, HEADER } from '@shellac/protocol';
import type { IdentityHeaders } from './identity.js';
import type { ShellacViewState } from './shellac-view.js';

/**
 * The three header operations every response type this package finishes has, under some name:
 * a web `Headers`, a Node `ServerResponse` (`getHeader`/`setHeader`/`hasHeader`), a Fastify reply.
 * Names are matched without regard to case, as all three do.
 */
export interface HeaderAccess {
  get(name: string): unknown;
  set(name: string, value: string): void;
  has(name: string): boolean;
}

/** True for an HTML Content-Type (the only responses finishing changes, logouts aside). */
export function isHtml(contentType: unknown): boolean {
  return typeof contentType === 'string' && /^\s*text\/html\s*(;|$)/i.test(contentType);
}

/**
 * `Vary` with the navigation preload header added once: kept as is when it already names it
 * (any case) or is `*`, so finishing twice changes nothing.
 */
export function withVary(vary: unknown): string {
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  const tokens = current.split(',').map((t) => t.trim().toLowerCase());
  if (tokens.includes('*') || tokens.includes(HEADER.navigationPreload.toLowerCase())) return current;
  return current.trim() ? `${current}, ${HEADER.navigationPreload}` : HEADER.navigationPreload;
}

/** `X-Shellac-Title` carries any Unicode title through a header, which only allows ASCII. */
export function encodeTitle(title: string): string {
  return encodeURIComponent(title);
}

/**
 * Sets the title a platform read from the body (`scanTitle`): none when the head had none, or
 * an empty one (`<title></title>`).
 */
export function setTitle(headers: HeaderAccess, title: string | null | undefined): void {
  if (title) headers.set(HEADER.title, encodeTitle(title));
}

/**
 * Puts the person on a response. A value the app set itself wins (it knows better), and so does
 * its own Cache-Control; without one, a tagged page is `private`, as no shared cache or CDN may
 * hand one person's page to another.
 */
function applyIdentity(headers: HeaderAccess, who: IdentityHeaders): void {
  let tag = headers.get(HEADER.user);
  if (tag == null) headers.set(HEADER.user, (tag = who.tag));
  if (who.clearSiteData && !headers.has('clear-site-data')) headers.set('Clear-Site-Data', who.clearSiteData);
  if (String(tag).trim() !== ANONYMOUS && !headers.has('cache-control')) headers.set('Cache-Control', 'private');
}

/**
 * The protocol's headers on an application's response, decided here and nowhere else: with the
 * `identity` option, `X-Shellac-User` on HTML (and on a logout of any type); on every HTML
 * response `Vary: Service-Worker-Navigation-Preload`; on the content-only variant
 * `X-Shellac-Content: 1` and `X-Shellac-Title` (the app's own, or the one the view's `layout`
 * saw). Other responses are left as they are.
 *
 * Returns true when the title is still unknown and must be read from the body's head (with
 * `scanTitle`); each platform reads its own kind of body, then sets `X-Shellac-Title` itself.
 */
export function finishHeaders(headers: HeaderAccess, state: ShellacViewState): boolean {
  const html = isHtml(headers.get('content-type'));
  const who = state.identity?.(html);
  if (who) applyIdentity(headers, who);
  if (!html) return false;
  headers.set('Vary', withVary(headers.get('vary')));
  if (!state.contentOnly) return false;
  headers.set(HEADER.content, '1');
  if (headers.has(HEADER.title)) return false;
  if (state.title === undefined) return true;
  setTitle(headers, state.title);
  return false;
}
