/** Query parameter that asks the server for a page's content alone, without the base template. */
export const APPSHELL_PARAM = 'from_appshell';

/**
 * Response header `1` on every content-only response. Also exported alone: a bundle cannot drop
 * the unused names of an object, and the worker needs only this one.
 */
export const CONTENT_HEADER = 'X-Shellac-Content';

/** Response header naming the signed-in person (see `HEADER.user`); alone for the same reason. */
export const USER_HEADER = 'X-Shellac-User';

/** Header names on the wire. */
export const HEADER = {
  /**
   * Request header set by navigation preload. Shellac's worker sets its value to
   * {@link PRELOAD_CONTENT}, asking for the content alone; the server answers with
   * `Vary: Service-Worker-Navigation-Preload` so no cache mixes the two.
   */
  navigationPreload: 'Service-Worker-Navigation-Preload',
  /** Response header `1` on every content-only response, so nobody shows one as a full page. */
  content: CONTENT_HEADER,
  /** Response header: the page title of a content-only response, percent-encoded (UTF-8). */
  title: 'X-Shellac-Title',
  /** Response header on the shell: the hash of its bytes (its version). */
  shell: 'X-Shellac-Shell',
  /**
   * Response header naming the signed-in person by an opaque tag (a keyed hash of their id, never
   * the id), or {@link ANONYMOUS}. While a secret is being rotated it lists the tag under each
   * secret, newest first (`t1, t0`): a worker that knows any of them knows it is the same person.
   */
  user: USER_HEADER,
  /**
   * Set by the worker on responses it stores itself (the shell): when it stored them, in ms since
   * the epoch, so their age can be told without an index. Never sent by a server.
   */
  stored: 'X-Shellac-Stored',
  /**
   * Set by the worker on a page or content its app rendered (`worker`), rather than the server:
   * the page may say it is an offline copy. Never sent by a server.
   */
  rendered: 'X-Shellac-Rendered',
} as const;

/** The user tag of nobody signed in. */
export const ANONYMOUS = 'anonymous';

/** The tags of an `X-Shellac-User` value, newest first (empty when the header is absent or blank). */
export function parseUserTags(value: string | null): string[] {
  return value ? value.split(',').map((t) => t.trim()).filter(Boolean) : [];
}

/** The navigation preload header value that asks for the content alone. */
export const PRELOAD_CONTENT = 'content';

/** Where the server renders the shell (the base template with an empty content region). */
export const SHELL_PATH = '/__shell';

/** The attribute that marks the content region in the shell (`<main data-shellac-content>`). */
export const CONTENT_ATTR = 'data-shellac-content';

/** The part of a request that {@link wantsContentOnly} reads (a `Request` has it). */
export interface RequestLike {
  url: string;
  headers: { get(name: string): string | null };
}

/** True when a request asks for the content alone, by query parameter or by preload header. */
export function wantsContentOnly(request: RequestLike): boolean {
  if (request.headers.get(HEADER.navigationPreload) === PRELOAD_CONTENT) return true;
  const url = request.url;
  // Parsing a URL costs a server a measurable share of its throughput (bench: server-throughput):
  // only URLs that may hold the parameter, literally or percent-encoded, are read, and then only
  // their query (what URL's searchParams would parse), not the whole URL.
  if (!url.includes(APPSHELL_PARAM) && !url.includes('%')) return false;
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const query = url.indexOf('?');
  if (query === -1 || query > end) return false;
  return new URLSearchParams(url.slice(query + 1, end)).get(APPSHELL_PARAM) === '1';
}

/** The URL of a page's content alone: `URL?from_appshell=1` (other parameters kept). */
export function contentUrl(url: string | URL): URL {
  const u = new URL(url);
  u.hash = '';
  u.searchParams.set(APPSHELL_PARAM, '1');
  return u;
}
