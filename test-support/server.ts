/**
 * Drives the browser test runner's HTTP server (127.0.0.1, a real socket) from a test running in
 * a page or a service worker: give paths answers, read what the browser asked for. The server
 * forgets routes and requests between test files; within a file, call `reset()` where a test needs
 * a clean slate. Paths under `/__unit/` are the runner's own and never logged.
 */

/** One answer of a route. */
export interface Answer {
  /** Default 200. */
  status?: number;
  /** Default `Content-Type: text/plain; charset=utf-8` when there is a body. */
  headers?: Record<string, string>;
  body?: string;
  /** A binary body, as base64 (instead of `body`). */
  bodyBase64?: string;
  /** Milliseconds to wait before answering (or failing). */
  delay?: number;
  /**
   * `reset`: close the connection without an answer, as a dropped network does (`fetch` rejects).
   * `hang`: never answer (the request stays in flight until the file ends or `reset()`).
   * `stall`: send the head and half the body, then nothing more (`fetch` resolves; reading the
   * body never ends).
   */
  fail?: 'reset' | 'hang' | 'stall';
}

/** A request the server received, in the order it arrived. */
export interface LoggedRequest {
  method: string;
  /** Path and query, as sent (`/lessons/1?from_appshell=1`). */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** When it arrived, in ms since the epoch (the browser's `Date.now()` reads the same clock). */
  time: number;
  body: string;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`: the origin of the test page or worker. */
  readonly origin: string;
  /** An absolute URL on the server. */
  url(path: string): string;
  /**
   * Answers `path` (a path with a query matches only that query; a path alone matches any
   * query) with `answer`, or with each answer of a list in turn, the last one repeating. Replaces
   * the path's earlier route and starts its list over. Unrouted paths get a 404.
   */
  route(path: string, answer: Answer | Answer[]): Promise<void>;
  /** Requests received since the file started or the last `reset()`; with `path`, only those whose pathname is it. */
  requests(path?: string): Promise<LoggedRequest[]>;
  /** The most requests that were in flight at one time since the file started or the last `reset()`. */
  peakInFlight(): Promise<number>;
  /**
   * The same server on a host name Chromium resolves to 127.0.0.1 but does not treat as a secure
   * context: pages there have no service workers and no Cache API.
   */
  insecureOrigin(): Promise<string>;
  /**
   * Sets the origin's storage quota to `bytes` for the rest of the file (Chromium's DevTools
   * `Storage.overrideQuotaForOrigin`), so a write past it fails with a real QuotaExceededError;
   * without `bytes`, restores the browser's quota. Every file starts with the browser's quota.
   */
  setQuota(bytes?: number): Promise<void>;
  /** Forgets routes and requests and ends hanging requests. */
  reset(): Promise<void>;
}

/** The runner's server, seen from the page or worker the test runs in. */
export function testServer(): TestServer {
  const origin = location.origin;
  const control = async (path: string, body?: unknown): Promise<unknown> => {
    const init: RequestInit = body === undefined ? { cache: 'no-store' } : { method: 'POST', body: JSON.stringify(body), cache: 'no-store' };
    const response = await fetch(`${origin}/__unit/server/${path}`, init);
    if (!response.ok) throw new Error(`test server: ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    async route(path, answer) {
      await control('route', { path, answers: Array.isArray(answer) ? answer : [answer] });
    },
    async requests(path) {
      const all = (await control('requests')) as LoggedRequest[]; // the server's log, as JSON
      return path === undefined ? all : all.filter((r) => new URL(r.path, origin).pathname === path);
    },
    async peakInFlight() {
      return ((await control('stats')) as { peakInFlight: number }).peakInFlight; // the server's stats, as JSON
    },
    async insecureOrigin() {
      return ((await control('info')) as { insecureOrigin: string }).insecureOrigin; // the server's info, as JSON
    },
    async setQuota(bytes) {
      await control('quota', { bytes: bytes ?? null });
    },
    async reset() {
      await control('reset', {});
    },
  };
}
