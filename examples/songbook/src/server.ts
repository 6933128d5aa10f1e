import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSongbook, type Songbook, type SongbookOptions } from './app.js';

export interface StartOptions extends SongbookOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSongbook {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  songbook: Songbook;
  expireSessions(username: string): number;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
}

/** Starts Songbook on a port (0 for any free one) and resolves once it listens. */
export async function startSongbook(options: StartOptions = {}): Promise<RunningSongbook> {
  const host = options.host ?? '127.0.0.1';
  const songbook = createSongbook(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve({ fetch: songbook.fetch, port: options.port ?? 3000, hostname: host }, () => resolveServer(s));
    s.once('error', (error) => {
      songbook.close();
      reject(error);
    });
  });
  const port = (server.address() as AddressInfo).port; // listening on TCP
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    songbook,
    expireSessions: songbook.expireSessions,
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      songbook.close();
    },
  };
}
