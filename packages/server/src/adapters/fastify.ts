import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { HEADER } from '@shellac/protocol';
import type { ShellacServer, ShellacView } from '../create-shellac-server.js';
import { encodeTitle, finishResponse, isHtml, scanTitle, TITLE_SCAN_LIMIT, withVary } from '../finish-response.js';
import { applyUserHeaders, userResolver } from '../user-identity.js';
import { knownTitle } from '../view-title.js';
import { requestLike, sendWebResponse, toWebRequest } from './node-bridge.js';

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
    if (payload instanceof Response) return view ? finishResponse(payload, view.contentOnly, knownTitle(view), userResolver(view)) : payload;
    if (!view) return payload;
    const html = isHtml(reply.getHeader('content-type'));
    const who = userResolver(view)?.(html);
    if (who) applyUserHeaders({ get: (name) => reply.getHeader(name), set: (name, value) => void reply.header(name, value) }, who);
    if (!html) return payload;
    reply.header('vary', withVary(reply.getHeader('vary')));
    if (!view.contentOnly) return payload;
    reply.header(HEADER.content, '1');
    if (reply.hasHeader(HEADER.title) || payload == null) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const title = scanTitle(typeof payload === 'string' ? payload.slice(0, TITLE_SCAN_LIMIT) : payload.subarray(0, TITLE_SCAN_LIMIT).toString());
      if (title) reply.header(HEADER.title, encodeTitle(title));
      return payload;
    }
    // A stream: let the core read its head for the title and hand back the whole stream.
    const body = payload instanceof Readable ? (Readable.toWeb(payload) as ReadableStream<Uint8Array>) : (payload as ReadableStream<Uint8Array>);
    const finished = await finishResponse(new Response(body, { headers: { 'Content-Type': 'text/html' } }), true);
    const title = finished.headers.get(HEADER.title);
    if (title) reply.header(HEADER.title, title);
    return finished.body;
  });
};

// Fastify reads these two symbols: skip its encapsulation (what `fastify-plugin` does) and name
// the plugin in errors and `printPlugins()`.
Object.assign(shellacFastify, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'shellac' });
