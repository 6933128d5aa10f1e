// A plain static file server for `cache-hit`, in the harness process, on 127.0.0.1 and a free
// port. Headers: Content-Type, Content-Length and `Cache-Control: no-cache` (so the browser's
// HTTP cache never answers on its own: every request that leaves the worker reaches this server
// and is counted), or the `cacheControl` given (the row's floor: hashed files served immutable,
// answered by the HTTP cache with no worker). It counts requests per path, so the row can prove
// that the timed fetches never reached it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves `root`; resolves `{ url, requests(prefix?), close() }`. */
export function startStaticServer(root, { cacheControl = 'no-cache' } = {}) {
  let count = 0;
  const byPrefix = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    count++;
    const top = path.split('/')[1] ?? '';
    byPrefix.set(top, (byPrefix.get(top) ?? 0) + 1);
    const rel = normalize(path === '/' || path.endsWith('/') ? `${path}index.html` : path);
    const file = join(root, rel);
    if (!file.startsWith(root + sep) || req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': cacheControl,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        /** Requests served so far: all of them, or those under `/<top>/` (e.g. 'assets'). */
        requests: (top) => (top == null ? count : byPrefix.get(top) ?? 0),
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
