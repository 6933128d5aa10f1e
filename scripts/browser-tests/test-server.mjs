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

/**
 * Starts the server for bundled `scripts` (id → { js, map }) and `packages` (name → module
 * source). `expect(run, onEvent)` routes a run's reports to `onEvent`.
 */
export async function startTestServer({ scripts, packages }) {
  const routes = createTestRoutes();
  const runs = new Map();

  const send = (res, status, type, body, headers = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  const runner = async (req, res, url) => {
    const path = url.pathname.slice('/__unit/'.length);
    const id = url.searchParams.get('file') ?? '';
    if (path === 'page.html' && scripts.has(id)) return send(res, 200, 'text/html; charset=utf-8', pageRunner(id));
    if (path === 'worker.html' && scripts.has(id)) return send(res, 200, 'text/html; charset=utf-8', workerRunner(id, url.searchParams.get('run') ?? ''));
    const file = /^files\/(f\d+)\.js(\.map)?$/.exec(path);
    if (file && scripts.has(file[1])) {
      const script = scripts.get(file[1]);
      // The worker runner registers with scope `/`, above the script's folder.
      return send(res, 200, file[2] ? 'application/json' : JS, file[2] ? script.map : script.js, { 'service-worker-allowed': '/' });
    }
    const module = /^packages\/([a-z]+)\.js$/.exec(path);
    if (module && packages.has(module[1])) return send(res, 200, JS, packages.get(module[1]), { 'service-worker-allowed': '/' });
    if (path === 'report' && req.method === 'POST') {
      runs.get(url.searchParams.get('run'))?.(JSON.parse(await readBody(req)));
      return send(res, 204, 'text/plain', '');
    }
    const control = /^server\/([a-z]+)$/.exec(path);
    if (control) {
      if (control[1] === 'info') return send(res, 200, 'application/json', JSON.stringify({ origin, insecureOrigin }));
      const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || 'null') : undefined;
      try {
        return send(res, 200, 'application/json', JSON.stringify(routes.control(control[1], body)));
      } catch (error) {
        return send(res, 400, 'text/plain; charset=utf-8', error.message);
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', `no runner path ${url.pathname}`);
  };

  const server = createServer((req, res) => {
    // One request per connection: Chromium resends a request once when a reused connection drops,
    // which would make a route's `reset` answer arrive twice and skew the log.
    res.setHeader('connection', 'close');
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith('/__unit/')) return void routes.handle(req, res);
    runner(req, res, url).catch((error) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error?.stack ?? error));
    });
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const insecureOrigin = `http://${INSECURE_HOST}:${port}`;

  return {
    origin,
    expect(run, onEvent) {
      runs.set(run, onEvent);
      return () => runs.delete(run);
    },
    /** Forgets the routes, the log and hanging requests (between files). */
    reset: () => routes.reset(),
    close() {
      routes.reset();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
