import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { representationResponse } from './representation-response.js';

/** `Cache-Control` for a file whose name carries its content hash: it can never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `Cache-Control` for everything else: caches keep it but ask the server (cheap with ETag/304). */
export const REVALIDATE = 'no-cache';

// The same table as `shellac serve`; kept here rather than imported so the server does not
// depend on the CLI (and its bundler).
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon', '.woff': 'font/woff',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml', '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.mp4': 'video/mp4', '.webm': 'video/webm',
  '.pdf': 'application/pdf', '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file name, by extension; unknown ones are opaque bytes. */
export function contentTypeFor(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves one file of the build: ETag from size and modification time (no hashing of every file on
 * every request), 304 when the client's copy is current, ranges for media players and resumed
 * downloads, no body for HEAD. Returns undefined when there is no such file, so the caller decides
 * between a 404 and letting the application answer.
 */
export async function serveFile(request: Request, file: string, cacheControl: string, extra: Record<string, string> = {}): Promise<Response | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers = new Headers({ 'Cache-Control': cacheControl, 'Content-Type': contentTypeFor(file), ...extra });
  // Streamed rather than read whole, and only the range asked for: a build folder may hold videos
  // as well as stylesheets. (`end` is inclusive in both createReadStream and Content-Range.)
  return representationResponse(request, { size: info.size, etag, lastModified: info.mtime, headers }, (range) =>
    Readable.toWeb(createReadStream(file, range && { start: range.start, end: range.end })) as ReadableStream<Uint8Array>, // a byte stream: no encoding was set
  );
}
