import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ShellacServer } from '../shellac-server.js';
import type { ShellacView } from '../shellac-view.js';
import { createResponseFinisher } from './response-finisher.js';
import { requestLike, sendWebResponse, toWebRequest } from './node-bridge.js';

/** A Node request with Shellac's view helpers attached. */
export type ShellacIncomingMessage = IncomingMessage & { shellac: ShellacView };

/** The application's own request listener, called for every URL that is not Shellac's. */
export type ShellacNodeHandler = (req: ShellacIncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Wraps a node:http request listener: Shellac's own URLs are answered here, every other request
 * reaches `handler` with `req.shellac` (`contentOnly`, `layout`, `asset`) and a response that
 * gets the protocol's headers when it is HTML.
 *
 * ```ts
 * createServer(withShellac(shellac, (req, res) => {
 *   res.setHeader('Content-Type', 'text/html; charset=utf-8');
 *   res.end(req.shellac.layout(page, content));
 * })).listen(3000);
 * ```
 */
export function withShellac(shellac: ShellacServer, handler: ShellacNodeHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const finisher = createResponseFinisher();
  return async function shellacListener(req, res) {
    try {
      const light = requestLike(req);
      if (shellac.owns(light)) {
        const own = await shellac.handle(toWebRequest(req));
        if (own) return await sendWebResponse(res, own);
      }
      const view = shellac.view(light);
      const shellacReq = Object.assign(req, { shellac: view });
      finisher.finish(res, view, 'response');
      await handler(shellacReq, res);
    } catch (error) {
      // node:http has no error handler of its own; an unanswered request would hang until timeout.
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
      else res.destroy(error as Error);
    }
  };
}
