import { APPSHELL_PARAM, CONTENT_HEADER, contentUrl } from '@shellac/protocol';
import type { Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { Log } from '../core/log.js';
import type { Unit } from '../core/unit.js';
import type { Handler } from '../routing/route-context.js';
import { networkFirst } from '../strategies/network-first.js';
import { networkOnly } from '../strategies/network-only.js';

export interface ShellUnitOptions {
  scope: URL;
  /** The pages cache: content responses are kept there under their `?from_appshell=1` URL. */
  pages: RuntimeCache | undefined;
  /** How a navigation is answered without the shell (network-first full page). */
  pagesHandler: Handler;
  cacheable: Cacheable;
  log: Log;
  contentTimeoutSeconds: number;
  /** True for navigations the shell answers. */
  takes(request: Request, url: URL): boolean;
  /** The shell to answer with, or undefined when there is none. */
  respond(waitUntil: (p: Promise<unknown>) => void): Promise<Response | undefined>;
  /** Stores the shell (the install fails when the server cannot render it). */
  install(): Promise<unknown>;
}

/**
 * The shell's routes: allowed navigations get the shell (the navigation preload, which carries
 * the content alone, held for the content request); `?from_appshell=1` requests get the preloaded
 * content, else network-first into the pages cache, keeping only content-only responses; a
 * content URL opened as a page is redirected to the page.
 */
export function shellUnit(options: ShellUnitOptions): Unit {
  const { scope, pages, pagesHandler, log } = options;
  const isContent: Cacheable = (r) => options.cacheable(r) && r.headers.get(CONTENT_HEADER) === '1';
  const fromNetwork = pages ? networkFirst({ cache: pages, cacheable: isContent, networkTimeoutSeconds: options.contentTimeoutSeconds }) : networkOnly();
  // Navigation preload responses (the content alone) waiting for the shell's content request.
  const preloads = new Map<string, Promise<Response | undefined>>();
  const toShell: Handler = async (ctx) => {
    const key = contentUrl(ctx.url).href;
    if (ctx.preload) {
      // Chrome ends a preload's body stream with the navigation's fetch event, which the shell
      // answers at once: read the content in full within this event, then hand the copy over.
      const buffered = ctx.preload.then(async (r) => r && new Response(await r.blob(), r));
      ctx.waitUntil(buffered.catch(() => {}));
      preloads.set(key, buffered);
      setTimeout(() => preloads.delete(key), 10_000);
    }
    // Without a shell to give: the page itself, and never the content-only preload.
    return (await options.respond(ctx.waitUntil)) ?? pagesHandler({ ...ctx, preload: undefined });
  };
  const toContent: Handler = async (ctx) => {
    const preloaded = await preloads.get(ctx.url.href)?.catch(() => undefined);
    preloads.delete(ctx.url.href);
    if (preloaded && isContent(preloaded)) {
      log(`${ctx.url.pathname} content from navigation preload`);
      await ctx.observe?.(preloaded);
      if (pages) ctx.waitUntil(pages.put(ctx.url.href, preloaded.clone()).catch(() => {}));
      return preloaded;
    }
    return fromNetwork({ ...ctx, preload: undefined });
  };
  // Someone opening a content URL itself (a shared link, a history entry): content alone must
  // never show as a page, so send them to the page.
  const toPage: Handler = async (ctx) => {
    const page = new URL(ctx.url);
    page.searchParams.delete(APPSHELL_PARAM);
    return Response.redirect(page.href, 302);
  };
  return {
    route(request, url) {
      if (options.takes(request, url)) return { name: 'shell', handler: toShell, contentPreload: true };
      if (request.method !== 'GET' || url.origin !== scope.origin || url.searchParams.get(APPSHELL_PARAM) !== '1') return undefined;
      return request.mode === 'navigate' ? { name: 'content as page', handler: toPage } : { name: 'content', handler: toContent };
    },
    install: options.install,
    keeps: (cache) => cache.kind === 'shell',
  };
}
