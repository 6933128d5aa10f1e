import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned answer that replaces the backend's. */
export interface Override {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A backend the front server forwards to. */
export interface Backend {
  port: number;
  close(): Promise<void>;
}

/**
 * A small front server the test controls, in front of any backend: it logs every request, can
 * delay, replace or add headers to answers, and can be really stopped (not only emulated offline).
 */
export class FrontServer {
  readonly log: LoggedRequest[] = [];
  delay: (path: string) => number = () => 0;
  /** Holds a request until the promise settles (a test lets it through when it chooses). */
  hold: (path: string) => Promise<unknown> | undefined = () => undefined;
  override: (path: string, headers: IncomingHttpHeaders) => Override | undefined = () => undefined;
  extraHeaders: (path: string) => Record<string, string> = () => ({});
  /** Response headers removed from every answer (lower case), to play a misbehaving backend. */
  stripHeaders: string[] = [];
  private front?: Server;
  private back?: Backend;
  port = 0;

  constructor(private readonly startBackend: () => Promise<Backend>, private readonly base = '/') {}

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  url(path = '') {
    return `${this.origin}${this.base}${path}`;
  }

  /** Paths requested since `mark` (an index into the log), without the query. */
  pathsSince(mark: number) {
    return this.log.slice(mark).map((r) => r.path.replace(/\?.*$/, ''));
  }

  async start(port = this.port) {
    this.back = await this.startBackend();
    const backPort = this.back.port;
    this.front = createServer(async (req, res) => {
      const path = req.url ?? '/';
      this.log.push({ method: req.method ?? 'GET', path, headers: req.headers });
      const wait = this.delay(path);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      await this.hold(path);
      const canned = this.override(path, req.headers);
      if (canned) return void res.writeHead(canned.status, canned.headers ?? {}).end(canned.body ?? '');
      // A connection per request, as nginx opens to its upstream: a kept-alive socket the backend
      // closes just as it is reused answers ECONNRESET (seen with Django's threaded server under
      // load: the page's worker script then failed with a 502).
      const upstream = httpRequest({ port: backPort, host: '127.0.0.1', path, method: req.method, headers: req.headers, agent: false }, (up) => {
        const headers = { ...up.headers, ...this.extraHeaders(path) };
        for (const name of this.stripHeaders) delete headers[name];
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    this.front.listen(port, '127.0.0.1');
    await once(this.front, 'listening');
    this.port = (this.front.address() as AddressInfo).port; // listening on TCP
    return this;
  }

  /** Really stops: closes the listener, every open connection, and the backend. */
  async stop() {
    if (this.front) {
      const front = this.front;
      front.closeAllConnections();
      await new Promise((r) => front.close(r));
    }
    await this.back?.close();
    this.front = undefined;
    this.back = undefined;
  }
}
