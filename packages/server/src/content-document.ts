import { HEADER } from '@shellac/protocol';
import { encodeTitle, withVary } from './finish-headers.js';

/** A page's content alone, as the application's view gives it to `content()`. */
export interface ContentPage {
  /** The page title, as text (it is escaped here). */
  title: string;
  /** Trusted HTML for the `<head>`: the page's `<meta>` and `<link rel="canonical">`. */
  head?: string;
  /** Trusted HTML that goes into the shell's content region, exactly as given. */
  body: string;
  /** Default 200. */
  status?: number;
  /** More response headers; `Vary` is merged with the preload header rather than replaced. */
  headers?: Record<string, string> | Headers;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The standard content-only document: a `<head>` with the title and metadata, a `<body>` that is
 * the content region. No `<meta charset>`: the Content-Type header says UTF-8, and the shell
 * copies the head's metadata into the page, where a second charset would be wrong.
 *
 * `server.content(request, page)` is this function. It is also published alone, as
 * `@shellac/server/content`, web-standard and free of Node: an app that renders in the service
 * worker (`createWorkerApp`) answers content requests with the same document as its server.
 *
 * ```ts
 * import { contentDocument } from '@shellac/server/content';
 * return contentDocument(request, { title: 'Ode to Joy – Songbook', body: '<h1>Ode to Joy</h1>' });
 * ```
 */
export function contentDocument(request: Request, page: ContentPage): Response {
  const html = `<!doctype html><html><head><title>${escapeText(page.title)}</title>${page.head ?? ''}</head><body>${page.body}</body></html>`;
  const headers = new Headers(page.headers);
  if (!headers.has('content-type')) headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Vary', withVary(headers.get('vary')));
  // The body is the content-only format whatever the request said, so it is always marked as such.
  headers.set(HEADER.content, '1');
  if (!headers.has(HEADER.title)) headers.set(HEADER.title, encodeTitle(page.title));
  return new Response(request.method === 'HEAD' ? null : html, { status: page.status ?? 200, headers });
}
