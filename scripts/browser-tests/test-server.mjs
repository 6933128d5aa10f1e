// The browser tests' HTTP server on 127.0.0.1: the runner's own paths under /__unit/ (runner pages,
// test scripts, reports, the control API of test-support/server.ts) and, everywhere else, the
// routes tests define.
import { createServer } from 'node:http';
import { pageRunner, workerRunner } from './runner-pages.mjs';
import { createTestRoutes, readBody } from './test-routes.mjs';

/** A host name Chromium is told to resolve to 127.0.0.1 (see INSECURE_HOST_RULE): not a secure context. */
const INSECURE_HOST = 'shellac-insecure.test';
/** The Chromium flag that makes INSECURE_HOST reach this server. */
export const INSECURE_HOST_RULE = `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`;

const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

/**
 * Starts a server for one test file, for bundled `scripts` (id → { js, map }) and `packages`
 * (name → module source): each file has its own, so its origin, routes and log are its own.
 */
export async function startTestServer({ scripts, packages }) {
  const routes = createTestRoutes();
  const site = { scripts, packages, routes, info: {}, onEvent: () => {} };
  const server = createServer((req, res) => {
    // One request per connection: Chromium resends a request once when a reused connection drops,
    // which would make a route's `reset` answer arrive twice and skew the log.
    res.setHeader('connection', 'close');
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith('/__unit/')) return void routes.handle(req, res);
    serveRunner(site, req, res, url).catch((error) => {
      if (!res.headersSent) send(res, 500, TEXT, String(error?.stack ?? error));
    });
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  site.info = { origin: `http://127.0.0.1:${port}`, insecureOrigin: `http://${INSECURE_HOST}:${port}` };
  return {
    origin: site.info.origin,
    /**
     * Hands each event the harness reports to `handler`; returns the function that stops it.
     * `quota(bytes | undefined)` sets (or restores) the origin's storage quota in the file's browser.
     */
    expect(handler, quota) {
      site.onEvent = handler;
      site.quota = quota;
      return () => ((site.onEvent = () => {}), (site.quota = undefined));
    },
    close() {
      routes.reset();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

async function serveRunner({ scripts, packages, routes, info, onEvent, quota }, req, res, url) {
  const path = url.pathname.slice('/__unit/'.length);
  const id = url.searchParams.get('file') ?? '';
  if (path === 'page.html' && scripts.has(id)) return send(res, 200, HTML, pageRunner(id));
  if (path === 'worker.html' && scripts.has(id)) return send(res, 200, HTML, workerRunner(id));
  const file = /^files\/(f\d+)\.js(\.map)?$/.exec(path);
  if (file && scripts.has(file[1])) {
    const script = scripts.get(file[1]);
    // The worker runner registers with scope `/`, above the script's folder.
    return send(res, 200, file[2] ? 'application/json' : JS, file[2] ? script.map : script.js, { 'service-worker-allowed': '/' });
  }
  const module = /^packages\/([a-z]+)\.js$/.exec(path);
  if (module && packages.has(module[1])) return send(res, 200, JS, packages.get(module[1]), { 'service-worker-allowed': '/' });
  if (path === 'report' && req.method === 'POST') {
    onEvent(JSON.parse(await readBody(req)));
    return send(res, 204, TEXT, '');
  }
  const control = /^server\/([a-z]+)$/.exec(path);
  if (!control) return send(res, 404, TEXT, `no runner path ${url.pathname}`);
  if (control[1] === 'info') return send(res, 200, 'application/json', JSON.stringify(info));
  const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || 'null') : undefined;
  if (control[1] === 'quota') {
    if (!quota) return send(res, 409, TEXT, 'quota: no file is running');
    await quota(body?.bytes ?? undefined);
    return send(res, 200, 'application/json', '{}');
  }
  try {
    send(res, 200, 'application/json', JSON.stringify(routes.control(control[1], body)));
  } catch (error) {
    send(res, 400, TEXT, error.message);
  }
}
