import { ShellacServerError } from './errors.js';
import { representationResponse, type RangeRequest } from './representation-response.js';

/** Options of {@link rangeResponse}. */
export interface RangeResponseOptions {
  /**
   * The 200's headers: `Content-Type`, `Cache-Control`, and any other. `Content-Length`,
   * `Content-Range`, `Accept-Ranges`, `ETag` and `Last-Modified` are set here.
   */
  headers?: Record<string, string> | Headers;
  /**
   * The bytes' entity tag, quoted (`"3f9a1c2b"`, or weak: `W/"3f9a1c2b"`). `If-None-Match`
   * compares it weakly; `If-Range` strongly, so with a weak tag a range asked for with
   * `If-Range: <tag>` always gets the whole body.
   */
  etag?: string;
  /** When the bytes last changed: sent as `Last-Modified`, compared with `If-Modified-Since` and with a date in `If-Range`. */
  lastModified?: Date | number | string;
}

// RFC 9110 §8.8.3: an optional W/, then any visible characters but the quote, in quotes.
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

function checkValidators(options: RangeResponseOptions): { etag?: string; lastModified?: Date } {
  const { etag } = options;
  if (etag !== undefined && (typeof etag !== 'string' || !ENTITY_TAG.test(etag))) {
    throw new ShellacServerError('validator', `rangeResponse: \`etag\` should be a quoted entity tag such as '"3f9a1c2b"' (or 'W/"3f9a1c2b"'), not ${JSON.stringify(etag)}: without its quotes no If-None-Match or If-Range would ever match.`, { option: 'etag', value: etag });
  }
  if (options.lastModified === undefined) return { etag };
  const lastModified = new Date(options.lastModified);
  if (Number.isNaN(lastModified.getTime())) {
    throw new ShellacServerError('validator', `rangeResponse: \`lastModified\` should be a Date, a time in milliseconds or a date string, not ${JSON.stringify(options.lastModified)}.`, { option: 'lastModified', value: options.lastModified });
  }
  return { etag, lastModified };
}

/**
 * The response for bytes an application holds in memory (a database BLOB, a generated file),
 * honouring `Range`, `If-Range`, `If-None-Match` and `If-Modified-Since` as the build's static
 * files do: 200 with `Accept-Ranges: bytes`, 206 with one range (`bytes=0-499`, `bytes=500-`,
 * `bytes=-500`), 304, or 416 with a `Content-Range` that gives the size. Several ranges get the whole
 * body. A string is sent as UTF-8.
 *
 * ```ts
 * app.get('/lessons/:id/clip.wav', (c) => {
 *   const clip = store.clip(Number(c.req.param('id')));
 *   if (!clip) return c.notFound();
 *   return rangeResponse(c.req.raw, clip.bytes, { etag: clip.etag, headers: { 'Content-Type': 'audio/wav' } });
 * });
 * ```
 */
export function rangeResponse(request: RangeRequest, body: Uint8Array | ArrayBuffer | string, options: RangeResponseOptions = {}): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  const { etag, lastModified } = checkValidators(options);
  return representationResponse(request, { size: bytes.byteLength, etag, lastModified, headers: new Headers(options.headers) }, (range) =>
    range ? bytes.subarray(range.start, range.end + 1) : bytes,
  );
}
