import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { etagMatches } from '@shellac/server';

/**
 * JSON the service worker keeps in sync: its ETag is the hash of its bytes, so a sync that finds
 * nothing changed costs a 304 and no body. `no-cache`: every sync asks the server.
 */
export function jsonResponse(c: Context, value: unknown, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const all = { 'Cache-Control': 'no-cache', ETag: etag, ...headers };
  if (etagMatches(c.req.header('if-none-match') ?? null, etag)) return new Response(null, { status: 304, headers: all });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8', ...all } });
}
