import { createHash } from 'node:crypto';
import { HEADER } from '@shellac/protocol';
import { ShellacServerError } from './errors.js';
import { etagMatches } from './conditional-request.js';
import { REVALIDATE } from './serve-file.js';

/** What the `shell` option may give back. */
export type ShellResult = string | Response;

/** The shell's version: the first 16 hex digits of the SHA-256 of its bytes (64 bits is plenty to tell versions apart). */
export function shellHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/**
 * Turns what the application rendered as its shell into the response the worker caches: hashed,
 * so the worker can tell a new shell from the one it holds; `no-cache`, so every check reaches the
 * server; 304 when the worker already has these bytes. A shell that failed to render (not 2xx) is
 * passed on unversioned, so no worker ever keeps an error page as its shell.
 */
export async function shellResponse(request: Request, rendered: ShellResult): Promise<Response> {
  if (typeof rendered !== 'string' && !(rendered instanceof Response)) {
    throw new ShellacServerError('shell', `The shell option returned ${typeof rendered}; it should return an HTML string or a Response.`, { value: typeof rendered });
  }
  const response = typeof rendered === 'string' ? new Response(rendered, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }) : rendered;
  if (!response.ok) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const hash = shellHash(bytes);
  const headers = new Headers(response.headers);
  headers.set('ETag', `"${hash}"`);
  headers.set(HEADER.shell, hash);
  headers.set('Cache-Control', REVALIDATE);
  if (etagMatches(request.headers.get('if-none-match'), `"${hash}"`)) {
    headers.delete('content-length');
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(bytes.byteLength));
  return new Response(request.method === 'HEAD' ? null : bytes, { status: response.status, headers });
}
