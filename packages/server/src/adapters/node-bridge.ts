// What the node:http, Express and Fastify adapters share: they all sit on Node's IncomingMessage
// and ServerResponse. Internal; not a subpath export.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HEADER } from '@shellac/protocol';
import type { ShellacView } from '../create-shellac-server.js';
import { encodeTitle, isHtml, scanTitle, TITLE_SCAN_LIMIT, withVary } from '../finish-response.js';
import { applyUserHeaders, userResolver } from '../user-identity.js';
import { knownTitle } from '../view-title.js';

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

/** Puts `writeHead`'s optional headers argument (object or list) on the response, so they can be read. */
function absorb(res: ServerResponse, headers: unknown): void {
  if (Array.isArray(headers)) {
    const flat: unknown[] = Array.isArray(headers[0]) ? headers.flat() : headers;
    for (let i = 0; i + 1 < flat.length; i += 2) res.appendHeader(String(flat[i]), flat[i + 1] as string);
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
  }
}

type Callback = (error?: Error | null) => void;

/**
 * Makes an application's Node response follow the protocol, whatever writes it (`res.end(html)`,
 * a template streaming `res.write`, `res.send`): `Vary` on HTML; on the content-only variant
 * `X-Shellac-Content: 1` and, unless set, `X-Shellac-Title` from the body. For that title the
 * head of a content-only page (up to 64 KiB) is held back until its `</title>` is seen; every
 * other response passes straight through. Node calls `writeHead` itself before the first write,
 * so wrapping it sees every response exactly when its headers are still open. That is also when
 * the person is named (`X-Shellac-User`): `view.user()` / `loggedOut()` count only before it.
 */
export function finishServerResponse(res: ServerResponse, view: ShellacView): void {
  const { contentOnly } = view;
  const user = userResolver(view); // undefined without the server's `user` option
  const { writeHead, write, end } = res;
  let decided = false;
  let held: Buffer[] | undefined; // body held while looking for the title
  let heldBytes = 0;
  const callbacks: Callback[] = [];

  const decide = (): void => {
    decided = true;
    const html = isHtml(res.getHeader('content-type'));
    const who = user?.(html);
    if (who) applyUserHeaders({ get: (name) => res.getHeader(name), set: (name, value) => res.setHeader(name, value) }, who);
    if (!html) return;
    res.setHeader('Vary', withVary(res.getHeader('vary')));
    if (!contentOnly) return;
    res.setHeader(HEADER.content, '1');
    if (res.hasHeader(HEADER.title)) return;
    // Known when the view's layout handed out the content as a string: nothing to hold back.
    const title = knownTitle(view);
    if (title === undefined) held = [];
    else if (title) res.setHeader(HEADER.title, encodeTitle(title));
  };
  const hold = (chunk: unknown, encoding: unknown): void => {
    if (chunk == null || typeof chunk === 'function') return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array);
    held!.push(bytes);
    heldBytes += bytes.byteLength;
  };
  // Sends what was held, with the title found in it (or none), then gets out of the way.
  const release = (ending: boolean): void => {
    const body = Buffer.concat(held!);
    held = undefined;
    const title = scanTitle(body.toString('utf8'));
    if (title) res.setHeader(HEADER.title, encodeTitle(title));
    const done = (error?: Error | null) => callbacks.splice(0).forEach((cb) => cb(error));
    if (ending) (end as (chunk: Buffer, cb: Callback) => ServerResponse).call(res, body, done);
    else (write as (chunk: Buffer, cb: Callback) => boolean).call(res, body, done);
  };

  res.writeHead = function shellacWriteHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    if (typeof rest[0] === 'string') res.statusMessage = rest.shift() as string;
    absorb(res, rest[0]);
    if (!decided) decide();
    // Holding: Node's implicit writeHead at release (with these headers, now on `res`) sends them.
    return held ? res : writeHead.call(res, res.statusCode);
  } as typeof res.writeHead;

  // A full page needs its headers only, and Node sends them through `writeHead` whatever writes
  // the body; leaving `write` and `end` alone keeps the common case cheap.
  if (!contentOnly) return;

  res.write = function shellacWrite(this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
    if (!decided && !res.headersSent) decide();
    if (!held) return (write as (...args: unknown[]) => boolean).call(res, chunk, encoding, cb);
    hold(chunk, encoding);
    const callback = typeof encoding === 'function' ? encoding : cb;
    if (typeof callback === 'function') callbacks.push(callback as Callback);
    if (heldBytes >= TITLE_SCAN_LIMIT || scanTitle(Buffer.concat(held).toString('utf8')) !== undefined) release(false);
    return true;
  } as typeof res.write;

  res.end = function shellacEnd(this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (!decided && !res.headersSent) decide();
    if (!held) return (end as (...args: unknown[]) => ServerResponse).call(res, chunk, encoding, cb);
    hold(chunk, encoding);
    const callback = [chunk, encoding, cb].find((a) => typeof a === 'function');
    if (callback) callbacks.push(callback as Callback);
    release(true);
    return res;
  } as typeof res.end;
}
