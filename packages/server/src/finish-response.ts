import { HEADER } from '@shellac/protocol';
import { applyUserHeaders, type UserHeaders, type UserResolver } from './user-identity.js';

/**
 * How much of a content-only body is read looking for its `<title>` before giving up. The title
 * sits at the top of the `<head>`; past this the page is sent without the title header rather than
 * held back whole.
 */
export const TITLE_SCAN_LIMIT = 64 * 1024;

/** True for an HTML Content-Type (the only responses `finish` changes). */
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

// Enough named references for titles people write; anything else is left as written.
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©',
  reg: '®', trade: '™', times: '×', eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä',
};

/** The text of a `<title>` element as `document.title` would give it: references decoded, spaces collapsed. */
function titleText(html: string): string {
  const decoded = html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (ref: string, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? ref;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
  return decoded.replace(/[\t\n\f\r ]+/g, ' ').trim();
}

/**
 * Looks for the `<title>` at the start of an HTML document. Returns its text; `null` when the
 * document certainly has none (the head has ended); `undefined` when more of the body is needed.
 */
export function scanTitle(html: string): string | null | undefined {
  // Only the head counts: a `<title>` further down belongs to an inline SVG, not to the page.
  const end = html.search(/<\/head\s*>|<body\b/i);
  const found = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(end === -1 ? html : html.slice(0, end));
  if (found) return titleText(found[1] ?? '');
  return end === -1 ? undefined : null;
}

/**
 * Reads a body for its title: whole when it ends within {@link TITLE_SCAN_LIMIT} bytes (given back
 * as bytes), else that much, given back as a stream that replays what was read and then passes the
 * rest through untouched.
 */
async function readTitle(body: ReadableStream<Uint8Array>): Promise<{ title: string | null; body: ReadableStream<Uint8Array> | Uint8Array }> {
  const reader = body.getReader();
  // A stream made from a Node stream of strings (`Readable.toWeb`) yields strings, which a
  // Response body cannot carry; they are encoded on the way through.
  const encoder = new TextEncoder();
  const bytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  const decoder = new TextDecoder(); // UTF-8: what every framework this package serves writes
  const seen: Uint8Array[] = [];
  let text = '';
  let size = 0;
  let title: string | null | undefined;
  let done = false;
  // Read on past the title while the body stays small: a body read whole goes out as bytes, which
  // servers write in one go (a replaying stream cost Hono over half its content-only throughput),
  // and nobody waits for it: the shell loader uses a content response only once it is complete.
  while (size < TITLE_SCAN_LIMIT) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = bytes(next.value);
    seen.push(chunk);
    size += chunk.byteLength;
    if (title === undefined) {
      text += decoder.decode(chunk, { stream: true });
      title = scanTitle(text);
    }
  }
  if (done) return { title: title ?? null, body: concat(seen, size) };
  let i = 0;
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const held = seen[i];
      if (held) {
        seen[i++] = new Uint8Array(0); // let the held bytes go as soon as they are passed on
        return controller.enqueue(held);
      }
      if (done) return controller.close();
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(bytes(next.value));
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { title: title ?? null, body: replay };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * Adds what the protocol asks of an application's response: `Vary` on every HTML response, and on
 * the content-only variant `X-Shellac-Content: 1` plus `X-Shellac-Title` (from the body's
 * `<title>` when the application did not set it, or `title` when the caller already knows it:
 * a string, or null for none). `user`, when the server has a `user` option, names the person
 * (on HTML, or on any response for a logout). Other responses are returned as they are, body
 * unread; a title is looked for only in the head of a content-only page.
 */
export async function finishResponse(response: Response, contentOnly: boolean, title?: string | null, user?: UserResolver): Promise<Response> {
  const html = isHtml(response.headers.get('content-type'));
  const who = user?.(html);
  if (!html) return who ? withUser(response, who) : response;
  const vary = withVary(response.headers.get('vary'));
  const titled = response.headers.has(HEADER.title);
  if (!contentOnly || titled || title !== undefined) {
    // In place when the headers allow it: a new Response would turn a string body into a stream
    // and cost the server its fast path (about half of Hono's throughput).
    try {
      response.headers.set('Vary', vary);
      if (who) applyUserHeaders(response.headers, who);
      if (contentOnly) {
        response.headers.set(HEADER.content, '1');
        if (!titled && title) response.headers.set(HEADER.title, encodeTitle(title));
      }
      return response;
    } catch {
      // Immutable headers (a response from fetch() or a cache): copy below.
    }
  }
  const headers = new Headers(response.headers);
  headers.set('Vary', vary);
  if (who) applyUserHeaders(headers, who);
  if (contentOnly) {
    headers.set(HEADER.content, '1');
    if (!titled && title !== undefined) {
      if (title) headers.set(HEADER.title, encodeTitle(title));
    } else if (!titled && response.body) {
      const read = await readTitle(response.body);
      if (read.title !== null) headers.set(HEADER.title, encodeTitle(read.title));
      return new Response(read.body, { status: response.status, statusText: response.statusText, headers });
    }
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A non-HTML response (a logout's redirect) with its person named, in place when allowed. */
function withUser(response: Response, who: UserHeaders): Response {
  try {
    applyUserHeaders(response.headers, who);
    return response;
  } catch {
    // Immutable headers (`Response.redirect()`, a response from fetch()): copied.
    const headers = new Headers(response.headers);
    applyUserHeaders(headers, who);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
