import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveSite } from '@shellac/cli';

/** A canned answer that replaces the real file. */
export interface Override {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * `shellac serve` behind a small front server the test controls: it logs every request, can
 * delay, replace or add headers to answers, and can be really stopped (not only emulated offline).
 */
export class SiteServer {
  readonly log: LoggedRequest[] = [];
  delay: (path: string) => number = () => 0;
  override: (path: string) => Override | undefined = () => undefined;
  extraHeaders: (path: string) => Record<string, string> = () => ({});
  private front?: Server;
  private back?: Server;
  port = 0;

  constructor(private readonly dir: string, private readonly base = '/') {}

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
    this.back = await serveSite({ dir: this.dir, port: 0, base: this.base });
    const backPort = (this.back.address() as AddressInfo).port; // listening on TCP
    this.front = createServer(async (req, res) => {
      const path = req.url ?? '/';
      this.log.push({ method: req.method ?? 'GET', path, headers: req.headers });
      const wait = this.delay(path);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const canned = this.override(path);
      if (canned) return void res.writeHead(canned.status, canned.headers ?? {}).end(canned.body ?? '');
      const upstream = httpRequest({ port: backPort, host: '127.0.0.1', path, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, ...this.extraHeaders(path) });
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

  /** Really stops: closes the listener and every open connection. */
  async stop() {
    for (const server of [this.front, this.back]) {
      if (!server) continue;
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    this.front = this.back = undefined;
  }
}
