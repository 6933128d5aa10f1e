// The programmable part of the browser test server: routes a test defines through
// test-support/server.ts, the request log, and the count of requests in flight.

const MAX_BODY = 1 << 20;

/** @typedef {{ status?: number, headers?: Record<string, string>, body?: string, delay?: number, fail?: 'reset' | 'hang' }} Answer */

export function createTestRoutes() {
  /** @type {Map<string, { answers: Answer[], next: number }>} */
  let routes = new Map();
  let log = [];
  let inFlight = 0;
  let peak = 0;
  /** Requests answered later (delays, hangs): ended by reset so nothing leaks into the next file. */
  const pending = new Set();

  const pick = (url) => routes.get(url.pathname + url.search) ?? routes.get(url.pathname);

  const answer = (req, res, a) => {
    if (a.fail === 'hang') return;
    // Destroying the socket before any byte is written is what a dropped network looks like to fetch.
    if (a.fail === 'reset') return void req.socket.destroy();
    const headers = { ...(a.body !== undefined ? { 'content-type': 'text/plain; charset=utf-8' } : {}), ...lower(a.headers ?? {}) };
    res.writeHead(a.status ?? 200, headers);
    res.end(a.body);
  };

  return {
    /** Serves one request to a test path (anything outside /__unit/). */
    async handle(req, res) {
      const url = new URL(req.url, 'http://x');
      const logged = { method: req.method, path: url.pathname + url.search, headers: { ...req.headers }, time: Date.now(), body: '' };
      log.push(logged);
      inFlight++;
      peak = Math.max(peak, inFlight);
      const entry = { req, timer: undefined };
      pending.add(entry);
      const settle = () => {
        // A request reset() ended was uncounted there.
        if (pending.delete(entry)) inFlight--;
      };
      res.on('close', settle);
      req.socket.on('close', settle);
      logged.body = await readBody(req).catch(() => '');
      const route = pick(url);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end(`no route for ${url.pathname}: define one with testServer().route()`);
      }
      const a = route.answers[Math.min(route.next++, route.answers.length - 1)];
      if (a.delay > 0) entry.timer = setTimeout(() => answer(req, res, a), a.delay);
      else answer(req, res, a);
    },
    /** The control API; throws a message for a 400 on a malformed call. */
    control(action, input) {
      if (action === 'route') {
        const { path, answers } = input ?? {};
        if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('/__unit/')) throw new Error(`route: path must start with / and not with /__unit/, got ${JSON.stringify(path)}`);
        if (!Array.isArray(answers) || !answers.length) throw new Error('route: give at least one answer');
        routes.set(path, { answers, next: 0 });
        return {};
      }
      if (action === 'requests') return log;
      if (action === 'stats') return { inFlight, peakInFlight: peak, requests: log.length };
      if (action === 'reset') return this.reset(), {};
      throw new Error(`unknown control action ${action}`);
    },
    reset() {
      for (const entry of pending) clearTimeout(entry.timer), entry.req.socket.destroy();
      pending.clear();
      routes = new Map();
      log = [];
      inFlight = 0;
      peak = 0;
    },
  };
}

/** Reads a request body (small: tests and reports), as text. */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lower(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
