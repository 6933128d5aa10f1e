import { parseRange, type ByteRange } from './byte-range.js';
import { ifRangeHolds, isNotModified, type HeaderSource } from './conditional-request.js';

/** The part of a request a representation's answer reads: its method and headers (a `Request` has them). */
export interface RangeRequest extends HeaderSource {
  readonly method: string;
}

/** A representation held whole (a file, bytes from a database): its length, validators and headers. */
export interface Representation {
  readonly size: number;
  readonly etag?: string | undefined;
  readonly lastModified?: Date | undefined;
  /** The 200's own headers (Content-Type, Cache-Control, …); used as they are, not copied. */
  readonly headers: Headers;
}

/**
 * The answer to a request for a representation held whole: 304 when the client's copy is current;
 * 206 with one range when `Range` asks for one and `If-Range`, if sent, names this representation;
 * 416 with a `Content-Range` giving the size when no range overlaps it; else 200, `Accept-Ranges:
 * bytes` on every 200 and 206. Range is defined for GET alone (RFC 9110 §14.2): HEAD gets the
 * 200's headers, other methods the whole body. `read` gives the body: all of it, or one range.
 */
export function representationResponse(request: RangeRequest, representation: Representation, read: (range?: ByteRange) => Uint8Array | ReadableStream<Uint8Array>): Response {
  const { size, etag, lastModified, headers } = representation;
  if (etag !== undefined) headers.set('ETag', etag);
  if (lastModified !== undefined) headers.set('Last-Modified', lastModified.toUTCString());
  const { method } = request;
  if ((method === 'GET' || method === 'HEAD') && isNotModified(request, etag, lastModified)) {
    // A 304 carries the validators and caching headers, not the body's metadata (RFC 9110 §15.4.5).
    headers.delete('Content-Type');
    headers.delete('Content-Length');
    return new Response(null, { status: 304, headers });
  }
  const asked = method === 'GET' ? request.headers.get('range') : null;
  const range = asked !== null && ifRangeHolds(request, etag, lastModified) ? parseRange(asked, size) : undefined;
  if (range === 'unsatisfiable') {
    // Nothing else of the 200: caching headers on a 416 could let a cache keep the error.
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' } });
  }
  headers.set('Accept-Ranges', 'bytes');
  if (range) {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    headers.set('Content-Length', String(range.end - range.start + 1));
    return new Response(read(range), { status: 206, headers });
  }
  headers.set('Content-Length', String(size));
  return new Response(method === 'HEAD' ? null : read(), { status: 200, headers });
}
