import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
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
  const server = createServer(async (req, res) => {
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
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return done(301, '', { Location: `${url.pathname}/${url.search}` });
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return done(404, `Not found: ${url.pathname}`);
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = {
      'Content-Type': contentTypeFor(file),
      'Cache-Control': cacheControlFor(file),
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
    };
    if (etagMatches(req.headers['if-none-match'] ?? null, etag)) return done(304, '', headers);
    res.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
    options.onRequest?.(req.method, url.pathname, 200);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => ok(server));
  });
}
