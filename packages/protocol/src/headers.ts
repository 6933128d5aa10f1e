/** Query parameter that asks the server for a page's content alone, without the base template. */
export const APPSHELL_PARAM = 'from_appshell';

/**
 * Response header `1` on every content-only response. Also exported alone: a bundle cannot drop
 * the unused names of an object, and the worker needs only this one.
 */
export const CONTENT_HEADER = 'X-Shellac-Content';

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
  /** Response header naming the signed-in person by an opaque tag, or `anonymous` (issue #4). */
  user: 'X-Shellac-User',
} as const;

/** The navigation preload header value that asks for the content alone. */
export const PRELOAD_CONTENT = 'content';

/** Where the server renders the shell (the base template with an empty content region). */
export const SHELL_PATH = '/__shell';

/** The attribute that marks the content region in the shell (`<main data-shellac-content>`). */
export const CONTENT_ATTR = 'data-shellac-content';

/** True when a request asks for the content alone, by query parameter or by preload header. */
export function wantsContentOnly(request: Request): boolean {
  return new URL(request.url).searchParams.get(APPSHELL_PARAM) === '1' || request.headers.get(HEADER.navigationPreload) === PRELOAD_CONTENT;
}

/** The URL of a page's content alone: `URL?from_appshell=1` (other parameters kept). */
export function contentUrl(url: string | URL): URL {
  const u = new URL(url);
  u.hash = '';
  u.searchParams.set(APPSHELL_PARAM, '1');
  return u;
}
