// A static file server for `precache-install` and `update-bytes`, one per contender on its own
// 127.0.0.1 port (so each contender is its own origin and nothing is shared between them).
//
// - Every request waits `delayMs` before it is answered: assets, sw.js, the manifest, the
//   harness page and 304s alike (the "a server that adds 100 ms per request").
// - Files are served from `root` (switchable with `setRoot`, for an update) with Content-Length
//   (never chunked), no compression, `Cache-Control: no-cache` and a strong ETag; a matching
//   If-None-Match gets a 304. The query string is ignored (Workbox's `__WB_REVISION__`,
//   Shellac's `?v=`). A directory serves its index.html.
// - With `gzip: true`, as static hosts do: text (HTML, CSS, JS, JSON, SVG) is sent gzipped (level
//   6, zlib's default) to a request that accepts it, with `Vary: Accept-Encoding` and an ETag of
//   its own for the encoded body (`"<hash>-gz"`), which a later If-None-Match matches for a 304.
// - `/__bench.html` is the harness page, the same for every contender and outside every site.
// - Each response's size is the number of bytes the server wrote to the TCP socket for it:
//   status line, headers and body (`socket.bytesWritten` from the first byte of the response to
//   its 'finish'; Chromium does not pipeline, so nothing else is written on that socket
//   meanwhile). Request bytes are not counted.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { performance } from 'node:perf_hooks';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.map': 'application/json',
};
export const BENCH_PAGE = '/__bench.html';
const BENCH_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><p>bench</p></body></html>';

/**
 * Starts a server over `root`. Resolves
 * `{ url, setRoot(dir), reset(), log, idle(), maxInFlight, sockets, probe(path), close() }`:
 * `log` holds `{ path, search, status, bytes, at }` per finished response since the last
 * `reset()` (`at`: ms since the reset, when the request arrived); `maxInFlight` is the most
 * requests the server held at once since the reset, `sockets` the connections opened since.
 */
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.map', '.xml', '.txt']);

export function startPrecacheServer({ root, delayMs = 100, gzip = false }) {
  const gzipped = new Map(); // etag → encoded body, so each file is compressed once
  let dir = root;
  let log = [];
  let t0 = performance.now();
  let inFlight = 0;
  let maxInFlight = 0;
  let sockets = 0;
  const idleWaiters = [];

  const done = () => {
    inFlight--;
    if (inFlight === 0) idleWaiters.splice(0).forEach((f) => f());
  };

  const answer = (req, res, entry) => {
    const socket = req.socket;
    const start = socket.bytesWritten;
    res.on('finish', () => {
      entry.bytes = socket.bytesWritten - start;
      if (!entry.probe) log.push(entry);
      else entry.resolve?.(entry);
      done();
    });
    res.on('close', () => { if (!res.writableFinished) { entry.status = 'aborted'; done(); } });
    const send = (status, headers, body) => {
      entry.status = status;
      res.writeHead(status, body ? { ...headers, 'Content-Length': body.length } : headers);
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { Allow: 'GET, HEAD' }, Buffer.from('method not allowed'));
    if (entry.path === BENCH_PAGE) return send(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' }, Buffer.from(BENCH_HTML));
    let rel;
    try {
      rel = normalize(decodeURIComponent(entry.path)).replace(/^[/\\]+/, '');
    } catch {
      return send(400, {}, Buffer.from('bad path'));
    }
    let file = join(dir, rel);
    if (!file.startsWith(dir + sep) && file !== dir) return send(403, {}, Buffer.from('forbidden'));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      let etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
      let sent = body;
      if (gzip && TEXT.has(extname(file))) {
        headers.Vary = 'Accept-Encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          etag = `${etag.slice(0, -1)}-gz"`;
          if (!gzipped.has(etag)) gzipped.set(etag, gzipSync(body, { level: 6 }));
          sent = gzipped.get(etag);
          headers['Content-Encoding'] = 'gzip';
        }
      }
      headers.ETag = etag;
      if (req.headers['if-none-match'] === etag) return send(304, headers);
      return send(200, headers, req.method === 'HEAD' ? undefined : sent);
    } catch {
      return send(404, { 'Content-Type': 'text/plain' }, Buffer.from('not found'));
    }
  };

  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    const probe = req.headers['x-bench-probe'] === '1';
    const entry = { path: u.pathname, search: u.search, status: null, bytes: 0, at: Number((performance.now() - t0).toFixed(1)), probe };
    if (probe) entry.resolve = probes.get(req.headers['x-bench-probe-id']);
    inFlight++;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    if (delayMs > 0 && !probe) setTimeout(() => answer(req, res, entry), delayMs);
    else answer(req, res, entry);
  });
  server.on('connection', () => { sockets++; });
  server.keepAliveTimeout = 30_000;
  const probes = new Map();
  let probeId = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        get log() { return log; },
        get maxInFlight() { return maxInFlight; },
        get sockets() { return sockets; },
        setRoot(next) { dir = next; },
        reset() {
          log = [];
          t0 = performance.now();
          maxInFlight = inFlight;
          sockets = 0;
        },
        /** Resolves once no request is being held or answered. */
        idle() {
          return inFlight === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
        },
        /**
         * Bytes the server writes for a plain 200 GET of `path` (no validators; `headers` such as
         * Accept-Encoding added), counted as the
         * browser's requests are; the request is not delayed and not logged.
         */
        probe(path, headers = {}) {
          return new Promise((res, rej) => {
            const id = String(++probeId);
            probes.set(id, (entry) => { probes.delete(id); res(entry); });
            const req = http.get(`${url}${path}`, { agent, headers: { ...headers, 'x-bench-probe': '1', 'x-bench-probe-id': id } }, (r) => {
              r.resume();
              if (r.statusCode !== 200) rej(new Error(`probe ${path}: HTTP ${r.statusCode}`));
            });
            req.on('error', rej);
          });
        },
        close() {
          agent.destroy();
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}
