import { APPSHELL_PARAM, cacheName, contentUrl, looksLikeFile, SHELL_PATH, type AppShellConfig } from '@shellac/protocol';
import type { Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { Log } from '../core/log.js';
import type { Unit } from '../core/unit.js';
import type { Handler } from '../routing/route-context.js';
import { compileMatcher } from '../routing/url-pattern.js';
import { createShellStore } from './shell-store.js';
import { shellUnit } from './shell-unit.js';

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

/**
 * App-shell mode: every allowed navigation gets the cached shell at once (`shell-store.ts`), and
 * the shell's loader asks for the page's content alone (`shell-unit.ts`, its routes).
 */
export function createAppShell(options: AppShellOptions = {}): AppShell {
  const scope = new URL(options.scope ?? (self as unknown as ServiceWorkerGlobalScope).registration.scope); // self is the worker's global scope
  const shellCache = cacheName({ scope: scope.pathname, kind: 'shell' });
  const shellUrl = new URL(options.url ?? SHELL_PATH, scope);
  const store = createShellStore({ cacheName: shellCache, url: shellUrl, maxAge: (options.maxAgeSeconds ?? 86_400) * 1000, now: options.now ?? Date.now });
  const allow = (options.allow ?? []).map((p) => compileMatcher(p, scope));
  const deny = ['api/*', ...(options.deny ?? [])].map((p) => compileMatcher(p, scope));
  const shell: AppShell = {
    cacheName: shellCache,
    perUser: !!options.perUser,
    contentTimeoutSeconds: options.contentTimeoutSeconds ?? 4,
    takes(request, url) {
      return request.mode === 'navigate' && request.method === 'GET' && shell.covers(url, request);
    },
    async ensure(log) {
      if (!(await store.cached())) await store.refresh(log);
    },
    contentKey(url) {
      return shell.covers(url) ? contentUrl(url) : undefined;
    },
    covers(url, request = new Request(url)) {
      if (!url.href.startsWith(scope.href) || url.searchParams.has(APPSHELL_PARAM) || looksLikeFile(url.pathname) || url.href === shellUrl.href) return false;
      if (allow.length && !allow.some((m) => m(url, request))) return false;
      return !deny.some((m) => m(url, request));
    },
    // A per-user shell stored for someone else is no shell at all.
    respond: (waitUntil, log, owns) => store.respond(waitUntil, log, shell.perUser && owns ? owns : undefined),
    unit: ({ pages, pagesHandler, cacheable, log, owns }) =>
      shellUnit({
        scope,
        pages,
        pagesHandler,
        cacheable,
        log,
        contentTimeoutSeconds: shell.contentTimeoutSeconds,
        takes: shell.takes,
        respond: (waitUntil) => shell.respond(waitUntil, log, owns),
        install: () => store.refresh(log),
      }),
  };
  return shell;
}
