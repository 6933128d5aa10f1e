// The node:http and Express side of finishing: the same headers as every platform
// (`finishHeaders`), decided when Node starts the response, and for a content-only page whose
// title is not known yet, its first bytes held back until the title is seen.
import type { ServerResponse } from 'node:http';
import { finishHeaders, setTitle, type HeaderAccess } from '../finish-headers.js';
import { scanTitle, TITLE_SCAN_LIMIT } from '../scan-title.js';
import type { ShellacViewState } from '../shellac-view.js';

type Callback = (error?: Error | null) => void;

/** Puts `writeHead`'s optional headers argument (object or list) on the response, so they can be read. */
function absorb(res: ServerResponse, headers: unknown): void {
  if (Array.isArray(headers)) {
    const flat: unknown[] = Array.isArray(headers[0]) ? headers.flat() : headers;
    for (let i = 0; i + 1 < flat.length; i += 2) res.appendHeader(String(flat[i]), flat[i + 1] as string); // Node's own list form: values are strings
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string); // an OutgoingHttpHeaders value
  }
}

/** The first bytes of a content-only page, held until its title is seen, with the callbacks of the writes that gave them. */
function createHold() {
  const chunks: Buffer[] = [];
  const callbacks: Callback[] = [];
  let size = 0;
  return {
    add(chunk: unknown, encoding: unknown, callback: unknown): void {
      if (typeof callback === 'function') callbacks.push(callback as Callback); // a write's callback, typed by Node as such
      if (chunk == null || typeof chunk === 'function') return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array); // what write() accepts
      chunks.push(bytes);
      size += bytes.byteLength;
    },
    /** True once the title is found, or certainly absent, or the limit is reached. */
    enough: () => size >= TITLE_SCAN_LIMIT || scanTitle(Buffer.concat(chunks).toString('utf8')) !== undefined,
    body: () => Buffer.concat(chunks),
    done: (error?: Error | null) => callbacks.splice(0).forEach((callback) => callback(error)),
  };
}

/**
 * Makes an application's Node response follow the protocol, whatever writes it (`res.end(html)`,
 * a template streaming `res.write`, `res.send`). Node calls `writeHead` itself before the first
 * write, so wrapping it sees every response exactly when its headers are still open; that is
 * when they are decided, and so when the person is named (`view.user()` / `loggedOut()` count
 * only before it). For a content-only page without a known title, the head (up to 64 KiB) is
 * held back until its `</title>` is seen; every other response passes straight through.
 */
export function finishServerResponse(res: ServerResponse, state: ShellacViewState): void {
  const headers: HeaderAccess = { get: (name) => res.getHeader(name), set: (name, value) => void res.setHeader(name, value), has: (name) => res.hasHeader(name) };
  const { writeHead, write, end } = res;
  let decided = false;
  let hold: ReturnType<typeof createHold> | undefined;
  const decide = (): void => {
    decided = true;
    if (finishHeaders(headers, state)) hold = createHold();
  };
  // Sends what was held, with the title found in it (or none), then gets out of the way.
  const release = (ending: boolean): void => {
    const { body, done } = hold!;
    hold = undefined;
    const bytes = body();
    setTitle(headers, scanTitle(bytes.toString('utf8')));
    if (ending) (end as (chunk: Buffer, cb: Callback) => ServerResponse).call(res, bytes, done);
    else (write as (chunk: Buffer, cb: Callback) => boolean).call(res, bytes, done);
  };

  res.writeHead = function shellacWriteHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    if (typeof rest[0] === 'string') res.statusMessage = rest.shift() as string; // the reason phrase, by the typeof
    absorb(res, rest[0]);
    if (!decided) decide();
    // Holding: Node's implicit writeHead at release (with these headers, now on `res`) sends them.
    return hold ? res : writeHead.call(res, res.statusCode);
  } as typeof res.writeHead;

  // A full page needs its headers only, and Node sends them through `writeHead` whatever writes
  // the body; leaving `write` and `end` alone keeps the common case cheap.
  if (!state.contentOnly) return;

  res.write = function shellacWrite(this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
    if (!decided && !res.headersSent) decide();
    if (!hold) return (write as (...args: unknown[]) => boolean).call(res, chunk, encoding, cb);
    hold.add(chunk, encoding, typeof encoding === 'function' ? encoding : cb);
    if (hold.enough()) release(false);
    return true;
  } as typeof res.write;

  res.end = function shellacEnd(this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (!decided && !res.headersSent) decide();
    if (!hold) return (end as (...args: unknown[]) => ServerResponse).call(res, chunk, encoding, cb);
    hold.add(chunk, encoding, [chunk, encoding, cb].find((a) => typeof a === 'function'));
    release(true);
    return res;
  } as typeof res.end;
}
