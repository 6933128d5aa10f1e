import {
  cacheName, FILES, MESSAGE, RESERVED_PATH, scopePrefix,
  type PageMessage, type RouteConfig, type StrategyName, type WorkerConfig, type UpdateFailedMessage,
} from '@shellac/protocol';
import { cacheable } from './cacheable.js';
import { ShellacWorkerError } from './errors.js';
import { freeQuota } from './free-quota.js';
import { createLogger, type Logger } from './logger.js';
import { createPrecache, type Precache } from './precache.js';
import type { CatchHandler, Handler, RouteContext } from './route-context.js';
import { createRouter, type Router } from './router.js';
import { createRuntimeCache, type RuntimeCache } from './runtime-cache.js';
import type { CacheLimits } from './select-evictions.js';
import { networkFirst } from './strategies/network-first.js';
import { networkOnly } from './strategies/network-only.js';
import type { Cacheable } from './cacheable.js';

/** A strategy factory as routes from configuration call it. */
export type StrategyFactory = (options: { cache: RuntimeCache; cacheable?: Cacheable; networkTimeoutSeconds?: number }) => Handler;

/** Options of {@link createShellac}: the build's {@link WorkerConfig} plus what only code can give. */
export interface ShellacOptions extends Partial<WorkerConfig> {
  /**
   * The factories that configured `routes` name. Passing only those used lets a bundler drop the
   * rest; `shellac build` does this for you.
   */
  strategies?: Partial<Record<StrategyName, StrategyFactory>>;
  /** The registration scope (default: the worker's own). */
  scope?: string;
  /** The worker script's URL, which `manifest`, `offlinePage` and `offlineImage` are relative to. */
  scriptUrl?: string;
}

/** One Shellac runtime: explicit, so a worker can hold two or test one in isolation. */
export interface Shellac {
  readonly router: Router;
  readonly precache: Precache;
  /** The cumulative pages cache, unless `pages: false`. */
  readonly pages: RuntimeCache | undefined;
  readonly logger: Logger;
  readonly version: string;
  /** A named runtime cache of this scope, created once, with limits and quota handling. */
  runtimeCache(name: string, limits?: CacheLimits): RuntimeCache;
  /** Answers a fetch event when a route takes it; otherwise leaves it to the browser. */
  handleFetch(event: FetchEvent): void;
  /** Deletes every Shellac cache of this scope; returns their names. */
  clear(): Promise<string[]>;
  /** Adds the install, activate, fetch and message listeners to a worker global scope. */
  listen(worker: ServiceWorkerGlobalScope): void;
}

declare const self: ServiceWorkerGlobalScope;

/**
 * Creates a Shellac runtime. Routes from options come first, then the pages route (navigations,
 * network-first into the cumulative cache), then the fallback-image route; the catch handler
 * answers failed navigations with the offline page and failed images with the fallback image.
 */
export function createShellac(options: ShellacOptions = {}): Shellac {
  const scope = new URL(options.scope ?? self.registration.scope);
  const script = new URL(options.scriptUrl ?? self.location.href);
  const version = options.version ?? 'dev';
  const logger = createLogger(options.debug);
  const log = (m: string) => logger.log(m);
  const name = (kind: Parameters<typeof cacheName>[1], sub?: string) => cacheName(scope.pathname, kind, sub);
  const metaName = name('meta');
  const meta = () => caches.open(metaName);
  const runtimeCaches = new Map<string, RuntimeCache>();
  const onQuotaExceeded = (bytes: number) => {
    log(`quota full, freeing ${bytes} B`);
    return freeQuota([...runtimeCaches.values()], bytes);
  };
  const makeCache = (cacheId: string, limits?: CacheLimits) => {
    let cache = runtimeCaches.get(cacheId);
    if (!cache) {
      cache = createRuntimeCache({ name: cacheId, limits, meta, metaKey: `${scope.href}${RESERVED_PATH}meta/${encodeURIComponent(cacheId)}`, onQuotaExceeded });
      runtimeCaches.set(cacheId, cache);
    }
    return cache;
  };

  const precache = createPrecache({
    cacheName: name('precache'),
    version,
    manifestUrl: new URL(`${options.manifest ?? FILES.manifest}?v=${version}`, script),
    scope,
    concurrency: options.precacheConcurrency,
    directoryIndex: options.directoryIndex,
    onQuotaExceeded,
    log,
  });
  const offlinePage = options.offlinePage ? new URL(options.offlinePage, script) : undefined;
  const offlineImage = options.offlineImage ? new URL(options.offlineImage, script) : undefined;

  const router = createRouter(scope);
  (options.routes ?? []).forEach((route: RouteConfig, i) => {
    const factory = options.strategies?.[route.strategy];
    if (!factory) throw new ShellacWorkerError('unknown-strategy', { route: i, strategy: route.strategy });
    const cache = makeCache(name('runtime', route.cacheName ?? `route-${i}`), route);
    const handler = factory({
      cache,
      cacheable: cacheable({ statuses: route.statuses, opaque: route.cacheOpaque }),
      networkTimeoutSeconds: route.networkTimeoutSeconds,
    });
    router.add({ url: route.match, method: route.method, destination: route.destination as RequestDestination }, handler, `${route.match} (${route.strategy})`);
  });
  const pagesConfig = options.pages === false ? undefined : options.pages ?? {};
  const pages = pagesConfig && makeCache(name('pages'), pagesConfig);
  router.add(
    { mode: 'navigate' },
    pages ? networkFirst({ cache: pages, networkTimeoutSeconds: pagesConfig.networkTimeoutSeconds ?? 3 }) : networkOnly(),
    'pages',
  );
  if (offlineImage) router.add({ destination: 'image' }, networkOnly(), 'images');

  const fallback: CatchHandler = async (ctx, error) => {
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
  router.setCatch(fallback);

  const fromPrecache: Handler = async (ctx) => (await precache.match(ctx.url)) ?? fetch(ctx.request);

  const respond = async (event: FetchEvent, url: URL): Promise<Response | undefined> => {
    const { request } = event;
    const ctx: RouteContext = {
      request,
      url,
      params: {},
      preload: request.mode === 'navigate' ? (event.preloadResponse as Promise<Response | undefined>) : undefined,
      waitUntil: (p) => event.waitUntil(p),
      log,
    };
    let routed: { name: string; handler: Handler } | undefined;
    if (request.method === 'GET' && precache.has(url)) routed = { name: 'precache', handler: fromPrecache };
    else {
      const found = router.find(request, url);
      if (found) ctx.params = found.params;
      routed = found;
    }
    if (!routed) return undefined;
    log(`${request.method} ${url.pathname}${url.search} → ${routed.name}`);
    try {
      return await routed.handler(ctx);
    } catch (error) {
      return (router.catchHandler ?? Promise.reject.bind(Promise))(ctx, error);
    }
  };

  const shellac: Shellac = {
    router,
    precache,
    pages,
    logger,
    version,
    runtimeCache: (cacheId, limits) => makeCache(name('runtime', cacheId), limits),
    handleFetch(event) {
      const url = new URL(event.request.url);
      if (url.pathname.startsWith(scope.pathname + RESERVED_PATH)) return;
      if (event.request.mode === 'navigate' && event.preloadResponse) {
        // An unused preload is cancelled with a console warning; waiting on it is the cure.
        event.waitUntil(event.preloadResponse.catch(() => {}));
      }
      const known = precache.has(url);
      if (known === undefined) {
        // First request after the worker started: the manifest is still loading, so decide later
        // and pass through with fetch() when nothing takes the request.
        event.respondWith(precache.ready().then(() => respond(event, url)).then((r) => r ?? fetch(event.request)).catch(() => Response.error()));
        return;
      }
      if (!known && !router.find(event.request, url)) return;
      event.respondWith(respond(event, url).then((r) => r ?? fetch(event.request)).catch((e) => (log(`${url.pathname}: ${e}`), Response.error())));
    },
    async clear() {
      const names = (await caches.keys()).filter((n) => n.startsWith(scopePrefix(scope.pathname)));
      await Promise.all(names.map((n) => caches.delete(n)));
      runtimeCaches.forEach((c) => c.reset());
      precache.reset();
      log(`cleared ${names}`);
      return names;
    },
    listen(worker) {
      void precache.ready();
      worker.addEventListener('install', (event) => {
        event.waitUntil(
          precache.install().then(
            async () => {
              if ((options.activate ?? 'waiting') === 'immediately') await worker.skipWaiting();
            },
            async (error: unknown) => {
              const failures = error instanceof ShellacWorkerError && error.code === 'precache-failed' ? error.details.failures : [{ url: '', reason: String(error) }];
              const message = { type: MESSAGE.updateFailed, version, failures } as UpdateFailedMessage; // failures: UpdateFailure[] by construction
              for (const client of await worker.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
              console.error(error);
              throw error;
            },
          ),
        );
      });
      worker.addEventListener('activate', (event) => {
        const keep = new Set([name('precache'), metaName, ...runtimeCaches.keys()]);
        event.waitUntil(
          Promise.all([
            precache.activate(),
            worker.registration.navigationPreload?.enable(),
            caches.keys().then((all) => Promise.all(all.filter((n) => n.startsWith(scopePrefix(scope.pathname)) && !keep.has(n)).map((n) => caches.delete(n)))),
          ]).then(() => worker.clients.claim()),
        );
      });
      worker.addEventListener('fetch', (event) => shellac.handleFetch(event));
      worker.addEventListener('message', (event) => {
        const data = event.data as PageMessage | undefined; // from our own client; unknown types are ignored
        const reply = (value: unknown) => event.ports[0]?.postMessage(value);
        switch (data?.type) {
          case MESSAGE.skipWaiting:
            event.waitUntil(worker.skipWaiting());
            break;
          case MESSAGE.clear:
            event.waitUntil(shellac.clear().then((deleted) => reply({ ok: true, deleted }), (e) => reply({ ok: false, deleted: [], error: String(e) })));
            break;
          case MESSAGE.debug:
            logger.on = !!data.on;
            break;
          case MESSAGE.status:
            reply({ version, scope: scope.href });
            break;
          case MESSAGE.cacheUrls:
            if (pages) event.waitUntil(Promise.all(data.urls.map((u) => cachePage(pages, new URL(u, scope)))));
            break;
        }
      });
    },
  };

  // Pages loaded before the worker controlled them are fetched again and kept, so the first page
  // someone saw also works offline.
  const isCacheable = cacheable();
  const cachePage = async (cache: RuntimeCache, url: URL) => {
    if (url.origin !== scope.origin || !url.href.startsWith(scope.href) || precache.has(url)) return;
    const response = await fetch(url, { credentials: 'same-origin' }).catch(() => undefined);
    if (response && isCacheable(response) && (response.headers.get('Content-Type') ?? '').includes('text/html')) await cache.put(url.href, response);
  };

  return shellac;
}
