import { CONTENT_HEADER, MESSAGE, type FreshMessage } from '@shellac/protocol';
import type { Handler } from '../routing/route-context.js';

/** What answering render-first needs from the app unit. */
export interface RenderFirstOptions {
  /** The app's render, or undefined when it declined. */
  render(request: Request): Promise<Response | undefined>;
  /** The copy from the last visit, then a saved one: the answer when the app declined and the network failed. */
  fallback(request: Request): Promise<Response | undefined>;
  /** Stores the server's content where the content route would have. */
  keep(request: Request, response: Response): Promise<void>;
  broadcast(message: object): Promise<void>;
}

/**
 * Content rendered at once ("render old, get new"). The server is asked at the same time, once:
 * its content is kept and sent to the pages (`shellac:fresh`), which put it in place. A render
 * the app declines leaves the request as it would be without render-first: the server's
 * answer, else the kept or saved copy.
 */
export function renderFirst(options: RenderFirstOptions): Handler {
  return async function renderFirstHandler(ctx) {
    const network = fetch(ctx.request).then(async (response) => {
      await ctx.observe?.(response);
      // Only content goes into the region or the content cache: a full page (a login, a proxy's error) never does.
      const content = response.ok && response.headers.get(CONTENT_HEADER) === '1';
      if (content) await options.keep(ctx.request, response.clone());
      return { response, content };
    });
    // Handled from the start: offline, the fetch may fail while the app is still rendering.
    network.catch(() => {});
    const rendered = await options.render(ctx.request);
    if (!rendered) {
      const answer = await network.catch(async (error: unknown) => {
        const copy = await options.fallback(ctx.request);
        if (copy) return { response: copy };
        throw error;
      });
      return answer.response;
    }
    const sent = network.then(async ({ response, content }) => {
      if (content) await options.broadcast({ type: MESSAGE.fresh, url: ctx.url.href, html: await response.text() } satisfies FreshMessage);
    });
    ctx.waitUntil(sent.catch((error: unknown) => ctx.log(() => `${ctx.url.pathname}: no fresh content (${error})`)));
    return rendered;
  };
}
