import { parseRange } from '@shellac/protocol';

/**
 * Answers a `Range` request from a stored full response: `206` with `Content-Range` for one
 * range, `416` when none can be served, the full `200` for anything else (no Range, several
 * ranges, an `If-Range` that no longer matches, a response that is itself partial). Media
 * elements seek with ranges, so a stored clip plays and seeks offline.
 */
export async function answerRange(request: Request, response: Response): Promise<Response> {
  const range = request.headers.get('Range');
  if (!range || response.status !== 200 || response.headers.has('Content-Range')) return response;
  const ifRange = request.headers.get('If-Range');
  if (ifRange && ifRange !== response.headers.get('ETag') && ifRange !== response.headers.get('Last-Modified')) return response;
  const body = await response.blob();
  const ranges = parseRange(range, body.size);
  const headers = new Headers(response.headers);
  headers.set('Accept-Ranges', 'bytes');
  if (ranges === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${body.size}` } });
  if (ranges?.length !== 1) return new Response(body, { status: 200, headers });
  const { start, end } = ranges[0]!; // exactly one, checked above
  headers.set('Content-Range', `bytes ${start}-${end}/${body.size}`);
  headers.set('Content-Length', String(end - start + 1));
  return new Response(body.slice(start, end + 1), { status: 206, statusText: 'Partial Content', headers });
}

/** The same request without its `Range`: what a cache must fetch to keep the whole file. */
export function wholeRequest(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete('Range');
  headers.delete('If-Range');
  // A media element's request is no-cors; keep that, or a cross-origin file would need CORS.
  const mode = request.mode === 'navigate' ? 'same-origin' : request.mode;
  return new Request(request.url, { headers, mode, credentials: request.credentials, referrer: request.referrer });
}
