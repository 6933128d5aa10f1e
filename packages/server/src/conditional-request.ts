// The preconditions of RFC 9110 §13 a stored representation answers: If-None-Match and
// If-Modified-Since (304), and If-Range (whether a Range may be honoured).

/** The part of a request the preconditions read. */
export interface HeaderSource {
  readonly headers: { get(name: string): string | null };
}

/** A date as `Last-Modified` carries it: HTTP dates have whole seconds. */
const wholeSeconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

/**
 * True when an `If-None-Match` header names this ETag. The header may list several, or `*`, and a
 * browser may send our strong tag back as weak (`W/"…"`); 304 decisions use the weak comparison.
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/**
 * True when the client's copy is current, so a GET or HEAD gets 304: `If-None-Match` names the
 * ETag, or, only when there is no `If-None-Match` (it takes precedence), `If-Modified-Since` is
 * no earlier than `Last-Modified`.
 */
export function isNotModified(request: HeaderSource, etag: string | undefined, lastModified: Date | undefined): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) return etag === undefined ? ifNoneMatch.trim() === '*' : etagMatches(ifNoneMatch, etag);
  const since = Date.parse(request.headers.get('if-modified-since') ?? '');
  return lastModified !== undefined && !Number.isNaN(since) && wholeSeconds(lastModified) <= since;
}

/**
 * True when a Range may be honoured (RFC 9110 §13.1.5): there is no `If-Range`, or it names this
 * very representation. An entity tag must match strongly (a weak tag on either side never does);
 * a date must be exactly the `Last-Modified`. Otherwise the client's partial copy is stale and
 * gets the whole representation instead.
 */
export function ifRangeHolds(request: HeaderSource, etag: string | undefined, lastModified: Date | undefined): boolean {
  const value = request.headers.get('if-range')?.trim();
  if (value === undefined) return true;
  // An entity tag starts with a quote (or W/), a date never does.
  if (value.startsWith('"') || value.startsWith('W/')) return etag !== undefined && !etag.startsWith('W/') && value === etag;
  const date = Date.parse(value);
  return lastModified !== undefined && !Number.isNaN(date) && date === wholeSeconds(lastModified);
}
