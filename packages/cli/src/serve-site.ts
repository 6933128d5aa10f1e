import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { FILES, isBuildHashedFile, isHashedName, normalizeBase } from '@shellac/protocol';
import { contentTypeFor, etagMatches } from '@shellac/server';

export interface ServeOptions {
  dir: string;
  port?: number;
  host?: string;
  /** Serve the site under this path prefix (`/docs/`), as a host would. */
  base?: string;
  /** Called once per request (tests and benchmarks count requests with it). */
  onRequest?: (method: string, path: string, status: number) => void;
}

/**
 * Cache-Control for a path: the worker and manifest always revalidate; files whose names carry a
 * content hash (`isHashedName`: `app.3f9a1c2b.js`), and the build's runtime and pack, last a year.
 */
export function cacheControlFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === FILES.worker || name === FILES.manifest || name === FILES.client) return 'no-cache';
  return isBuildHashedFile(name) || isHashedName(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * A static server for trying a build: ETags with 304s (so a worker's revalidations are cheap),
 * `sw.js` with no-cache, hashed assets immutable, folder indexes, and an optional path prefix.
 */
export function serveSite(options: ServeOptions): Promise<Server> {
  const root = resolve(options.dir);
  const base = normalizeBase(options.base ?? '/');
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const done = (status: number, body = '', headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(req.method === 'HEAD' ? undefined : body);
      options.onRequest?.(req.method ?? 'GET', url.pathname, status);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return done(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    if (`${url.pathname}/` === base) return done(301, '', { Location: base });
    if (!url.pathname.startsWith(base)) return done(404, `Not found: this server serves ${base}`);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return done(400, 'Bad URL encoding');
    }
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return done(403, 'Forbidden');
    if ((await stat(file).catch(() => undefined))?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return done(301, '', { Location: `${url.pathname}/${url.search}` });
      file = join(file, 'index.html');
    }
    // Opened first, then described and read through the same handle: a file replaced or removed
    // meanwhile (a rebuild into the folder being served) is sent whole as it was opened, or is a
    // 404, never a length that does not match its bytes or a read that fails mid-response.
    const handle = await open(file).catch(() => undefined);
    const info = await handle?.stat().catch(() => undefined);
    if (!handle || !info?.isFile()) return void (await handle?.close(), done(404, `Not found: ${url.pathname}`));
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = {
      'Content-Type': contentTypeFor(file),
      'Cache-Control': cacheControlFor(file),
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
    };
    const unchanged = etagMatches(req.headers['if-none-match'] ?? null, etag);
    if (unchanged || req.method === 'HEAD') await handle.close();
    if (unchanged) return done(304, '', headers);
    res.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
    options.onRequest?.(req.method, url.pathname, 200);
    if (req.method === 'HEAD') return void res.end();
    // The handle closes itself at the end of the stream, and when either side fails: a failed read
    // ends the response, a visitor gone mid-file (a tab closed) ends the read.
    pipeline(handle.createReadStream(), res, () => {});
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      // Nothing a request does may stop the server: a 500 while the head is unsent, else the
      // response is cut short.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Server error: ${String(error)}`);
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => ok(server));
  });
}
