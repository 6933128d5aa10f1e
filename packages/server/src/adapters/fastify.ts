import type { FastifyPluginAsync } from 'fastify';
import { finishHeaders, type HeaderAccess } from '../finish-headers.js';
import { finishResponse } from '../finish-response.js';
import type { ShellacServer } from '../shellac-server.js';
import type { ShellacView } from '../shellac-view.js';
import { requestLike, sendWebResponse, toWebRequest } from './node-bridge.js';
import { titledPayload } from './payload-title.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Shellac's view helpers for this request (set by `shellacFastify`). */
    shellac: ShellacView;
  }
}

/** Options of {@link shellacFastify}. */
export interface ShellacFastifyOptions {
  /** The server made by `createShellacServer`. */
  shellac: ShellacServer;
}

/**
 * Fastify 5 plugin: answers Shellac's own URLs in `onRequest`, gives every other request
 * `request.shellac` (`contentOnly`, `layout`, `asset`), and adds the protocol's headers to HTML
 * replies in `onSend`. Not encapsulated (like `fastify-plugin`, without the dependency), so its
 * hooks cover the routes of the scope that registers it.
 *
 * ```ts
 * await app.register(shellacFastify, { shellac });
 * app.get('/lesson/:id', (request, reply) => reply.type('text/html').send(request.shellac.layout(page, content)));
 * ```
 */
export const shellacFastify: FastifyPluginAsync<ShellacFastifyOptions> = async function shellacFastify(fastify, { shellac }) {
  // Null until onRequest sets it: Fastify wants object decorations to start empty, so no two
  // requests share one (its types only know the property as always set, hence the cast).
  fastify.decorateRequest('shellac', null as unknown as ShellacView);
  fastify.addHook('onRequest', async (request, reply) => {
    const light = requestLike(request.raw);
    const own = shellac.owns(light) ? await shellac.handle(toWebRequest(request.raw)) : undefined;
    if (!own) return void (request.shellac = shellac.view(light));
    // Written straight to the socket: the file streams and 304s are already complete responses.
    reply.hijack();
    await sendWebResponse(reply.raw, own).catch((error: unknown) => request.log.error(error));
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    const view = request.shellac;
    if (!view) return payload;
    if (payload instanceof Response) return finishResponse(payload, view.state);
    const headers: HeaderAccess = { get: (name) => reply.getHeader(name), set: (name, value) => void reply.header(name, value), has: (name) => reply.hasHeader(name) };
    const needsTitle = finishHeaders(headers, view.state);
    return needsTitle && payload != null ? titledPayload(headers, payload) : payload;
  });
};

// Fastify reads these two symbols: skip its encapsulation (what `fastify-plugin` does) and name
// the plugin in errors and `printPlugins()`.
Object.assign(shellacFastify, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'shellac' });
