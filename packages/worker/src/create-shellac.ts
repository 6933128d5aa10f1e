import {
  cacheName, CONTENT_HEADER, FILES, MESSAGE, parseCacheName, PRELOAD_CONTENT, RESERVED_PATH,
  type PageMessage, type UpdateFailedMessage, type UpdateFailure, type WorkerConfig,
} from '@shellac/protocol';
import type { AppShell } from './app-shell.js';
import { cacheable, type Cacheable } from './cacheable.js';
import type { Identity } from './create-identity.js';
import { ShellacWorkerError } from './errors.js';
import { freeQuota } from './free-quota.js';
import { createLogger, type Logger } from './logger.js';
import { createPrecache, type Precache } from './precache.js';
import type { Handler, RouteContext } from './route-context.js';
import type { Router } from './router.js';
import { createRuntimeCache, type RuntimeCache } from './runtime-cache.js';
import type { CacheLimits } from './select-evictions.js';
import { networkFirst } from './strategies/network-first.js';
import { networkOnly } from './strategies/network-only.js';
import type { Params } from './url-pattern.js';
import type { IdentityFeature } from './track-users.js';

/** Options of {@link createShellac}: the build's {@link WorkerConfig} (less `routes`) plus what only code can give. */
export interface ShellacOptions extends Omit<Partial<WorkerConfig>, 'routes' | 'appShell' | 'identity'> {
  /**
   * Identity (`createIdentity()`): the pages cache and `perUser` runtime caches are kept per person
   * and dropped when someone else signs in or this person signs out. Leave it out only for sites
   * where nobody signs in: it keeps its code out of the bundle.
   */
  identity?: IdentityFeature;
  /**
   * App-shell mode (`createAppShell()`): allowed navigations get the cached shell at once, and the
   * shell's `?from_appshell=1` content requests go network-first into the pages cache. Leaving it
   * out keeps its code out of the bundle.
   */
  shell?: AppShell;
  /**
   * Your routes, tried after the precache and before the built-in pages route. Leaving the router
   * out keeps its code out of the bundle. For routes written as JSON, see `applyRoutes`.
   */
  router?: Router;
  /** The registration scope (default: the worker's own). */
  scope?: string;
  /** The worker script's URL, which `manifest`, `offlinePage` and `offlineImage` are relative to. */
  scriptUrl?: string;
}

/** One Shellac runtime: explicit, so a worker can hold two or test one in isolation. */
export interface Shellac {
  readonly precache: Precache;
  /** The cumulative pages cache, unless `pages: false`. */
  readonly pages: RuntimeCache | undefined;
  readonly logger: Logger;
  readonly version: string;
  /** Who the per-user caches belong to (with `users`). */
  readonly identity: Identity | undefined;
  /**
   * A named runtime cache of this scope (`shellac:<scope>:runtime:<name>`), created once, with
   * quota handling. With `perUser`, it holds one person's responses and is dropped when another
   * person signs in or this one signs out.
   */
  runtimeCache(name: string, limits?: CacheLimits & { perUser?: boolean }): RuntimeCache;
  /** Answers a fetch event when something takes it; otherwise leaves it to the browser. */
  handleFetch(event: FetchEvent): void;
  /** Deletes every Shellac cache of this scope; returns their names. */
  clear(): Promise<string[]>;
  /** Adds the install, activate, fetch and message listeners to a worker global scope. */
  listen(worker: ServiceWorkerGlobalScope): void;
}

declare const self: ServiceWorkerGlobalScope;

type Pick = [name: string, handler: Handler, params?: Params];

/**
 * Creates a Shellac runtime. A request goes to the precache when its URL is in the manifest, else
 * to the first matching route of `router`, else (navigations) to the pages cache, network-first.
 * When that fails, the router's catch handler runs, then the offline page for navigations or the
 * fallback image for images.
 */
export function createShellac(options: ShellacOptions = {}): Shellac {
  const scope = new URL(options.scope ?? self.registration.scope);
  const script = new URL(options.scriptUrl ?? self.location.href);
  const { router, shell, version = 'dev' } = options;
  const logger = createLogger(options.debug);
  const log = (m: string) => logger.log(m);
  const ours = (name: string) => parseCacheName(name)?.scope === scope.pathname;
  const reserved = scope.href + RESERVED_PATH;
  const metaName = cacheName({ scope: scope.pathname, kind: 'meta' });
  const debugKey = `${reserved}debug`;
  const meta = () => caches.open(metaName);
  const runtimeCaches = new Map<string, RuntimeCache>();
  const onQuotaExceeded = (bytes: number) => {
    log(`quota full, freeing ${bytes} B`);
    return freeQuota([...runtimeCaches.values()], bytes);
  };
  const makeCache = (name: string, limits?: CacheLimits) => {
    let cache = runtimeCaches.get(name);
    if (!cache) runtimeCaches.set(name, (cache = createRuntimeCache({ name, limits, meta, metaKey: `${reserved}meta/${name}`, onQuotaExceeded })));
    return cache;
  };
  const identity = options.identity?.create({ scope, meta, caches: runtimeCaches, open: makeCache, shellCache: shell?.perUser ? shell.cacheName : undefined, log });
  // Caches that hold one person's responses. Without identity they are plain: nobody signs in.
  const makeUserCache = (name: string, limits?: CacheLimits) => (identity ? identity.cache(name, limits) : makeCache(name, limits));
  const precacheName = cacheName({ scope: scope.pathname, kind: 'precache' });
  const precache = createPrecache({
    cacheName: precacheName,
    version,
    manifestUrl: new URL(`${options.manifest ?? FILES.manifest}?v=${version}`, script),
    scope,
    concurrency: options.precacheConcurrency,
    directoryIndex: options.directoryIndex,
    onQuotaExceeded,
    log,
  });
  const offlinePage = options.offlinePage && new URL(options.offlinePage, script);
  const offlineImage = options.offlineImage && new URL(options.offlineImage, script);
  const pagesLimits = options.pages === false ? undefined : options.pages ?? {};
  const pages = pagesLimits && makeUserCache(cacheName({ scope: scope.pathname, kind: 'pages' }), pagesLimits);
  const network = networkOnly();
  // Full pages and content-only responses never share a key: the pages cache refuses content
  // responses under page URLs, and content URLs keep only content responses.
  // A page for one person says so (`Cache-Control: private`): kept only when it names that person
  // (`X-Shellac-User`), since the pages cache is then that person's alone; an untagged private
  // page could be anyone's, so it is not kept.
  const shared = cacheable();
  const isCacheable: Cacheable = identity ? identity.cacheable(shared) : shared;
  const isPage: Cacheable = (r) => isCacheable(r) && !r.headers.has(CONTENT_HEADER);
  const timeout = pagesLimits?.networkTimeoutSeconds ?? 3;
  const pagesHandler: Handler = pages ? networkFirst({ cache: pages, cacheable: isPage, networkTimeoutSeconds: timeout }) : network;
  const shellRoutes = shell?.routes({ pages, pagesHandler, cacheable: isCacheable, log, owns: identity?.owns });
  const fromPrecache: Handler = async (ctx) => (await precache.match(ctx.url)) ?? fetch(ctx.request);

  // The router's default handler comes after the built-in pages and image routes: it takes what
  // nothing else does, rather than switching the pages cache off.
  const pick = (request: Request, url: URL): Pick | undefined => {
    if (request.method === 'GET' && precache.has(url)) return ['precache', fromPrecache];
    const shellRoute = shellRoutes?.(request, url);
    if (shellRoute) return shellRoute;
    const found = router?.find(request, url);
    if (found && !found.isDefault) return [found.name, found.handler, found.params];
    if (request.mode === 'navigate') return ['pages', pagesHandler];
    if (offlineImage && request.destination === 'image') return ['image', network];
    return found && [found.name, found.handler];
  };

  const fallback = async (ctx: RouteContext, error: unknown) => {
    const url = ctx.request.mode === 'navigate' ? offlinePage : ctx.request.destination === 'image' ? offlineImage : undefined;
    let response = url && (await precache.match(url));
    log(`${ctx.url.pathname} failed (${error}) → ${response ? url : 'error'}`);
    if (!url || !response) throw error;
    if (url === offlinePage) {
      // The offline page answers at the URL that failed (say /guide/a/b.html), so its relative
      // links would resolve from the wrong folder; a <base> points them back at its real place.
      const html = await response.text();
      response = new Response(/<base\b/i.test(html) ? html : html.replace(/<head[^>]*>/i, `$&<base href="${url.href}">`), response);
    }
    return response;
  };

  const respond = async (event: FetchEvent, url: URL, picked: Pick | undefined): Promise<Response> => {
    const { request } = event;
    if (!picked) {
      // First request after the worker started: the manifest was still loading.
      await precache.ready();
      picked = pick(request, url);
      if (!picked) return fetch(request);
    }
    const [name, handler, params = {}] = picked;
    const ctx: RouteContext = {
      request,
      url,
      params,
      // In app-shell mode the preload carries the content alone: only the shell route may have it.
      preload: request.mode === 'navigate' && (!shell || name === 'shell') ? (event.preloadResponse as Promise<Response | undefined>) : undefined,
      waitUntil: (p) => event.waitUntil(p),
      log,
      seen: identity?.seen(event),
    };
    log(`${request.method} ${url.pathname}${url.search} → ${name}`);
    try {
      return await handler(ctx);
    } catch (error) {
      return (router?.catchHandler ? router.catchHandler(ctx, error) : Promise.reject(error)).catch((e) => fallback(ctx, e));
    }
  };

  // Pages loaded before the worker controlled them are fetched again and kept, so the first page
  // someone saw also works offline. Under the app shell, what is kept is the page's content.
  const keepPage = async (cache: RuntimeCache, url: URL) => {
    if (!url.href.startsWith(scope.href) || precache.has(url)) return;
    const content = shell?.contentKey(url);
    const target = content ?? url;
    const generation = identity?.generation ?? 0;
    const response = await fetch(target, { credentials: 'same-origin' }).catch(() => undefined);
    if (response) await identity?.observe(response, generation);
    // Kept only when its kind (content or full page) matches the key's.
    if (response && isCacheable(response) && !content === !response.headers.get(CONTENT_HEADER) && response.headers.get('Content-Type')?.includes('text/html')) {
      await cache.put(target.href, response);
    }
  };

  const shellac: Shellac = {
    precache,
    pages,
    logger,
    version,
    identity,
    runtimeCache: (name, limits) => (limits?.perUser ? makeUserCache : makeCache)(cacheName({ scope: scope.pathname, kind: 'runtime', name }), limits),
    handleFetch(event) {
      const { request } = event;
      const url = new URL(request.url);
      if (url.href.startsWith(reserved)) return;
      if (identity?.intercept(event, url)) return;
      // An unused preload is cancelled with a console warning; waiting on it is the cure.
      if (request.mode === 'navigate') event.waitUntil(Promise.resolve(event.preloadResponse).catch(() => {}));
      const known = precache.has(url);
      const picked = known === undefined ? undefined : pick(request, url);
      if (known !== undefined && !picked) return;
      event.respondWith(respond(event, url, picked).catch((e) => (log(`${url.pathname}: ${e}`), Response.error())));
    },
    async clear() {
      const names = (await caches.keys()).filter(ours);
      await Promise.all(names.map((n) => caches.delete(n)));
      runtimeCaches.forEach((c) => c.reset());
      precache.reset();
      log(`cleared ${names}`);
      return names;
    },
    listen(worker) {
      void precache.ready();
      void identity?.ready();
      void meta().then((c) => c.match(debugKey)).then((r) => r && (logger.on = true));
      worker.addEventListener('install', (event) => {
        event.waitUntil(
          Promise.all([precache.install(), shell?.install(log)]).then(
            async () => {
              if (options.activate === 'immediately') await worker.skipWaiting();
            },
            async (error: unknown) => {
              const failures = (error instanceof ShellacWorkerError && error.details.failures) || [{ url: '', reason: String(error) }];
              const message: UpdateFailedMessage = { type: MESSAGE.updateFailed, version, failures: failures as UpdateFailure[] }; // precache-failed details hold UpdateFailure[]
              for (const client of await worker.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
              throw error;
            },
          ),
        );
      });
      worker.addEventListener('activate', (event) => {
        // Caches of this scope that this version no longer names (an old route's, say) go too.
        const keep = new Set([precacheName, metaName, shell?.cacheName, ...runtimeCaches.keys()]);
        event.waitUntil(
          Promise.all([
            precache.activate(),
            // In app-shell mode the preload asks for the content alone (the shell is cached).
            worker.registration.navigationPreload?.enable().then(() => shell && worker.registration.navigationPreload.setHeaderValue(PRELOAD_CONTENT)),
            caches.keys().then((all) => Promise.all(all.filter((n) => ours(n) && !keep.has(n) && !identity?.manages(n)).map((n) => caches.delete(n)))),
          ]).then(() => worker.clients.claim()),
        );
      });
      worker.addEventListener('fetch', (event) => shellac.handleFetch(event));
      worker.addEventListener('message', (event) => {
        const data = event.data as PageMessage | undefined; // from our own client; unknown types are ignored
        const reply = (value: unknown) => event.ports[0]?.postMessage(value);
        const type = data?.type;
        if (!data) return;
        if (type === MESSAGE.skipWaiting) event.waitUntil(worker.skipWaiting());
        if (type === MESSAGE.clear) event.waitUntil(shellac.clear().then((deleted) => reply({ ok: true, deleted }), (e) => reply({ ok: false, deleted: [], error: String(e) })));
        if (data.type === MESSAGE.debug) {
          logger.on = data.on;
          // Kept, so the channel stays on after the browser stops and restarts an idle worker.
          event.waitUntil(meta().then((c) => (data.on ? c.put(debugKey, new Response('1')) : c.delete(debugKey).then(() => {}))));
        }
        if (type === MESSAGE.status) reply({ version, scope: scope.href });
        if (data.type === MESSAGE.cacheUrls && pages) event.waitUntil(Promise.all(data.urls.map((u) => keepPage(pages, new URL(u, scope)))));
      });
    },
  };
  return shellac;
}
