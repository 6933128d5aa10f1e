import { APPSHELL_PARAM, cacheName, CONTENT_HEADER, contentUrl, HEADER, looksLikeFile, SHELL_PATH, type AppShellConfig } from '@shellac/protocol';
import type { Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { Log } from '../core/logger.js';
import type { Unit } from '../core/unit.js';
import type { Handler } from '../routing/route-context.js';
import { compileMatcher } from '../routing/url-pattern.js';
import { networkFirst } from '../strategies/network-first.js';
import { networkOnly } from '../strategies/network-only.js';

export interface AppShellOptions extends AppShellConfig {
  /** The registration scope (default: the worker's own). */
  scope?: string;
  /** The clock of `maxAgeSeconds` (ms since the epoch); default `Date.now`. */
  now?: () => number;
}

/** What the runtime lends the shell to build its unit. */
export interface ShellUnitEnv {
  /** The pages cache: content responses are kept there under their `?from_appshell=1` URL. */
  pages: RuntimeCache | undefined;
  /** How a navigation is answered without the shell (network-first full page). */
  pagesHandler: Handler;
  cacheable: Cacheable;
  log: Log;
  /** True when a cached response may be shown to the person signed in now (per-user shell). */
  owns?: (response: Response) => boolean;
}

/** The shell half of app-shell mode (the content half is a networkFirst route on the pages cache). */
export interface AppShell {
  /** The cache holding the shell: `shellac:<scope>:shell`. */
  readonly cacheName: string;
  /** The shell holds per-user data: dropped when the person changes, never shown to another. */
  readonly perUser: boolean;
  /** How long the shell's content request waits for the network before the cached copy. */
  readonly contentTimeoutSeconds: number;
  /** True for navigations the shell answers: in scope, allowed, not denied, not a file, not content. */
  takes(request: Request, url: URL): boolean;
  /** True for page URLs the shell would answer (the URL half of `takes`). */
  covers(url: URL, request?: Request): boolean;
  /** Stores the shell when none is (a saved page shows inside it offline). */
  ensure(log: Log): Promise<void>;
  /** Where a page's content is kept: its `?from_appshell=1` URL when the shell covers it. */
  contentKey(url: URL): URL | undefined;
  /**
   * The cached shell at once, refreshed behind ("render old, get new"); past `maxAgeSeconds` the
   * network first. Undefined when there is no shell to give (never stored, and the network failed).
   */
  respond(waitUntil: (p: Promise<unknown>) => void, log: Log, owns?: (response: Response) => boolean): Promise<Response | undefined>;
  /**
   * The shell's unit. Its routes: allowed navigations → the shell (stashing the navigation
   * preload, which carries the content alone, for the content request); `?from_appshell=1`
   * requests → the preloaded content, else network-first with `contentTimeoutSeconds` into the
   * pages cache, keeping only responses marked `X-Shellac-Content: 1`. It installs the shell (a
   * server that cannot render it fails the install).
   */
  unit(env: ShellUnitEnv): Unit;
}

const STORED = HEADER.stored;

/**
 * App-shell mode. The shell is one URL rendered by the server, cached whole; its version is its
 * hash (ETag), so a refresh that finds it unchanged costs a 304. A refreshed shell is only stored,
 * never swapped into an open page: it takes effect on the next navigation, without a flash.
 */
export function createAppShell(options: AppShellOptions = {}): AppShell {
  const scope = new URL(options.scope ?? (self as unknown as ServiceWorkerGlobalScope).registration.scope); // self is the worker's global scope
  const shellCache = cacheName({ scope: scope.pathname, kind: 'shell' });
  const now = options.now ?? Date.now;
  const shellUrl = new URL(options.url ?? SHELL_PATH, scope);
  const maxAge = (options.maxAgeSeconds ?? 86_400) * 1000;
  const allow = (options.allow ?? []).map((p) => compileMatcher(p, scope));
  const deny = ['api/*', ...(options.deny ?? [])].map((p) => compileMatcher(p, scope));
  let refreshing: Promise<Response | undefined> | undefined;

  const store = async (response: Response) => {
    const headers = new Headers(response.headers);
    headers.set(STORED, String(now()));
    const copy = new Response(await response.blob(), { status: 200, headers });
    await (await caches.open(shellCache)).put(shellUrl, copy.clone());
    return copy;
  };

  // One refresh at a time: ten quick navigations make one request, not ten.
  const refresh = (log: Log, cached?: Response) =>
    (refreshing ??= (async () => {
      const etag = cached?.headers.get('ETag');
      const response = await fetch(shellUrl, { cache: 'no-cache', credentials: 'same-origin', headers: etag ? { 'If-None-Match': etag } : {} });
      if (response.status === 304 && cached) {
        log(`shell unchanged (${etag})`);
        return store(cached.clone());
      }
      if (!response.ok || response.headers.get(CONTENT_HEADER)) throw new Error(`shell: HTTP ${response.status}`);
      log(`shell ${cached ? 'refreshed' : 'stored'}: ${response.headers.get(HEADER.shell) ?? response.headers.get('ETag')}`);
      return store(response);
    })().finally(() => (refreshing = undefined)));

  const shell: AppShell = {
    cacheName: shellCache,
    perUser: !!options.perUser,
    contentTimeoutSeconds: options.contentTimeoutSeconds ?? 4,
    takes(request, url) {
      return request.mode === 'navigate' && request.method === 'GET' && shell.covers(url, request);
    },
    async ensure(log) {
      if (!(await caches.open(shellCache).then((c) => c.match(shellUrl)))) await refresh(log);
    },
    contentKey(url) {
      return shell.covers(url) ? contentUrl(url) : undefined;
    },
    covers(url, request = new Request(url)) {
      if (!url.href.startsWith(scope.href) || url.searchParams.has(APPSHELL_PARAM) || looksLikeFile(url.pathname) || url.href === shellUrl.href) return false;
      if (allow.length && !allow.some((m) => m(url, request))) return false;
      return !deny.some((m) => m(url, request));
    },
    async respond(waitUntil, log, owns) {
      let cached = await caches.open(shellCache).then((c) => c.match(shellUrl));
      // A per-user shell stored for someone else is no shell at all.
      if (cached && shell.perUser && owns && !owns(cached)) cached = undefined;
      const age = cached ? now() - Number(cached.headers.get(STORED) ?? 0) : Infinity;
      if (cached && age <= maxAge) {
        // A copy: the page reads `cached` itself.
        waitUntil(refresh(log, cached.clone()).catch((e) => log(`shell refresh failed: ${e}`)));
        return cached;
      }
      // Too old (or never stored): the network first, the old shell when offline.
      const fresh = await refresh(log, cached).catch(() => undefined);
      log(`shell ${fresh ? 'fetched' : cached ? 'stale, offline' : 'missing'}`);
      return fresh?.clone() ?? cached;
    },
    unit({ pages, pagesHandler, cacheable, log, owns }) {
      const isContent: Cacheable = (r) => cacheable(r) && r.headers.get(CONTENT_HEADER) === '1';
      const fromNetwork = pages ? networkFirst({ cache: pages, cacheable: isContent, networkTimeoutSeconds: shell.contentTimeoutSeconds }) : networkOnly();
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
        return (await shell.respond(ctx.waitUntil, log, owns)) ?? pagesHandler({ ...ctx, preload: undefined });
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
          if (shell.takes(request, url)) return { name: 'shell', handler: toShell, contentPreload: true };
          if (request.method !== 'GET' || url.origin !== scope.origin || url.searchParams.get(APPSHELL_PARAM) !== '1') return undefined;
          return request.mode === 'navigate' ? { name: 'content as page', handler: toPage } : { name: 'content', handler: toContent };
        },
        install: () => refresh(log),
        keeps: (cache) => cache.kind === 'shell',
      };
    },
  };
  return shell;
}
