import { finishHeaders, setTitle } from './finish-headers.js';
import { readTitle } from './read-title.js';
import type { ShellacViewState } from './shellac-view.js';

/**
 * A web Response with the protocol's headers ({@link finishHeaders}). Other responses come back
 * as they are, body unread; the body is read only for the title of a content-only page whose
 * title is not known yet, and then no further than its head (at most 64 KiB).
 */
export async function finishResponse(response: Response, state: ShellacViewState): Promise<Response> {
  let headers = response.headers;
  let needsTitle: boolean;
  try {
    // In place when the headers allow it: a new Response would turn a string body into a stream
    // and cost the server its fast path (about half of Hono's throughput).
    needsTitle = finishHeaders(headers, state);
  } catch {
    // Immutable headers (`Response.redirect()`, a response from fetch() or a cache) refuse the
    // first `set`, so nothing was changed yet: the same on a copy.
    headers = new Headers(response.headers);
    needsTitle = finishHeaders(headers, state);
  }
  // Made only for a new response: reading `statusText` (or `body`) of @hono/node-server's light
  // response turns it into a real one, its string body into a stream, and costs the server its
  // fast path: 5 KB more allocated a content-only request, when nothing needed it.
  const init = () => ({ status: response.status, statusText: response.statusText, headers });
  if (needsTitle && response.body) {
    const read = await readTitle(response.body);
    setTitle(headers, read.title);
    return new Response(read.body, init());
  }
  return headers === response.headers ? response : new Response(response.body, init());
}
