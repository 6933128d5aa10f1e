import type { AddressInfo } from 'node:net';
import { serveSite } from '@shellac/cli';
import { FrontServer } from './front-server.js';

export type { LoggedRequest, Override } from './front-server.js';

/** `shellac serve` of a build, behind a {@link FrontServer}. */
export class SiteServer extends FrontServer {
  constructor(dir: string, base = '/') {
    super(async () => {
      const server = await serveSite({ dir, port: 0, base });
      return {
        port: (server.address() as AddressInfo).port, // listening on TCP
        close: async () => {
          server.closeAllConnections();
          await new Promise((r) => server.close(r));
        },
      };
    }, base);
  }
}
