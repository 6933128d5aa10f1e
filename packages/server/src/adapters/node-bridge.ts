// What the node:http, Express and Fastify adapters share: they all sit on Node's IncomingMessage
// and ServerResponse. Internal; not a subpath export.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Methods the Fetch standard refuses to put in a Request. They never reach Shellac's own URLs
// (GET/HEAD only), and the views only read the URL and headers, so GET stands in for them.
const FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** The URL and a header getter, without copying headers into a web `Request` (for `owns`/`view`). */
export function requestLike(req: IncomingMessage, path = req.url ?? '/'): { url: string; headers: { get(name: string): string | null } } {
  return {
    url: `http://localhost${path.startsWith('/') ? path : '/'}`,
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
  };
}

/**
 * The web Request Shellac needs for a Node request: method, URL and headers only. The body is
 * never touched, so the application still reads it from the IncomingMessage as usual.
 */
export function toWebRequest(req: IncomingMessage, path = req.url ?? '/'): Request {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    } catch {
      // A header Node accepted but Fetch does not (bytes outside its rules): Shellac reads none of those.
    }
  }
  // Nothing in Shellac reads the host, but a Host header with `/` or `?` in it must not be able to
  // change the path that is read; so it is used only when it looks like a host.
  const host = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(req.headers.host ?? '') ? req.headers.host : 'localhost';
  // Joined rather than resolved: `new URL('//x/sw.js', base)` would read `//x` as a host.
  // An absolute-form target (`GET http://host/x`, from a proxy) is taken as is; `OPTIONS *` is no path.
  const url = path.startsWith('/') ? `http://${host}${path}` : URL.canParse(path) ? path : `http://${host}/`;
  return new Request(url, { method: FORBIDDEN.has(method.toUpperCase()) ? 'GET' : method, headers });
}

/** Writes a web Response (one of Shellac's own) to a Node response, streaming its body. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: OutgoingHttpHeaders = Object.fromEntries(response.headers);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  await pipeline(Readable.fromWeb(response.body), res);
}
