// The programmable part of the browser test server: routes a test defines through
// test-support/server.ts, the request log, and the count of requests in flight.

const MAX_BODY = 1 << 20;

/** @typedef {{ status?: number, headers?: Record<string, string>, body?: string, bodyBase64?: string, delay?: number, fail?: 'reset' | 'hang' | 'stall' }} Answer */

export function createTestRoutes() {
  const state = {
    /** @type {Map<string, { answers: Answer[], next: number }>} */
    routes: new Map(),
    log: [],
    inFlight: 0,
    peak: 0,
    /** Requests not answered yet (delays, hangs): reset ends them so nothing leaks past it. */
    pending: new Set(),
  };
  return {
    /** Serves one request to a test path (anything outside /__unit/). */
    handle: (req, res) => handle(state, req, res),
    /** The control API; throws a message for a 400 on a malformed call. */
    control(action, input) {
      if (action === 'route') return defineRoute(state, input), {};
      if (action === 'requests') return state.log;
      if (action === 'stats') return { inFlight: state.inFlight, peakInFlight: state.peak, requests: state.log.length };
      if (action === 'reset') return reset(state), {};
      throw new Error(`unknown control action ${action}`);
    },
    reset: () => reset(state),
  };
}

async function handle(state, req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const logged = { method: req.method, path: url.pathname + url.search, headers: { ...req.headers }, time: Date.now(), body: '' };
  state.log.push(logged);
  state.peak = Math.max(state.peak, ++state.inFlight);
  const entry = { req, timer: undefined };
  state.pending.add(entry);
  // A request reset() ended was uncounted there.
  const settle = () => state.pending.delete(entry) && state.inFlight--;
  res.on('close', settle);
  req.socket.on('close', settle);
  logged.body = await readBody(req).catch(() => '');
  const route = state.routes.get(url.pathname + url.search) ?? state.routes.get(url.pathname);
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end(`no route for ${url.pathname}: define one with testServer().route()`);
  }
  const answer = route.answers[Math.min(route.next++, route.answers.length - 1)];
  if (answer.delay > 0) entry.timer = setTimeout(() => send(req, res, answer), answer.delay);
  else send(req, res, answer);
}

function send(req, res, answer) {
  if (answer.fail === 'hang') return;
  // Destroying the socket before any byte is written is what a dropped network looks like to fetch.
  if (answer.fail === 'reset') return void req.socket.destroy();
  const headers = { ...(answer.body !== undefined || answer.bodyBase64 !== undefined ? { 'content-type': 'text/plain; charset=utf-8' } : {}), ...lower(answer.headers ?? {}) };
  res.writeHead(answer.status ?? 200, headers);
  const body = answer.bodyBase64 !== undefined ? Buffer.from(answer.bodyBase64, 'base64') : Buffer.from(answer.body ?? '');
  // The head and half the body, then nothing: a download that stops in the middle.
  if (answer.fail === 'stall') return void res.write(body.subarray(0, body.length >> 1));
  res.end(body);
}

function defineRoute(state, input) {
  const { path, answers } = input ?? {};
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('/__unit/')) {
    throw new Error(`route: the path must start with / and not with /__unit/, got ${JSON.stringify(path)}`);
  }
  if (!Array.isArray(answers) || !answers.length) throw new Error('route: give at least one answer');
  const fail = answers.find((a) => a.fail !== undefined && a.fail !== 'reset' && a.fail !== 'hang' && a.fail !== 'stall');
  if (fail) throw new Error(`route: fail is "reset", "hang" or "stall", got ${JSON.stringify(fail.fail)}`);
  state.routes.set(path, { answers, next: 0 });
}

function reset(state) {
  for (const entry of state.pending) clearTimeout(entry.timer), entry.req.socket.destroy();
  state.pending.clear();
  state.routes = new Map();
  state.log = [];
  state.inFlight = 0;
  state.peak = 0;
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
