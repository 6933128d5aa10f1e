import { cacheName, MANIFEST_FILE, PRELOAD_CONTENT, RESERVED_PATH, type CacheNameParts, type WorkerConfig } from '@shellac/protocol';
import type { AppShell } from './app-shell/create-app-shell.js';
import { createCacheRegistry } from './caches/cache-registry.js';
import { layeredCache } from './caches/layered-cache.js';
import { cacheable } from './caches/cacheable.js';
import type { RuntimeCache } from './caches/runtime-cache.js';
import type { CacheLimits } from './caches/select-evictions.js';
import { createCore, type Core } from './core/create-core.js';
import { createLifecycle } from './core/create-lifecycle.js';
import { createMessages } from './core/create-messages.js';
import { createLogger, type Logger } from './core/logger.js';
import { createMetaStore } from './core/meta-store.js';
import type { FetchEnv, Unit } from './core/unit.js';
import type { IdentityFeature } from './identity/create-identity.js';
import type { Identity } from './identity/identity.js';
import { createPrecache, type Precache } from './precache/precache.js';
import type { Router } from './routing/router.js';
import type { SavedFeature } from './save/create-saved.js';
import { offlineUnit } from './units/offline-unit.js';
import { pagesUnit } from './units/pages-unit.js';
import { precacheUnit } from './units/precache-unit.js';

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
  /**
   * Save for offline (`createSaved()`): people choose pages to keep with everything they need,
   * answered when the network fails. Leaving it out keeps its code out of the bundle.
   */
  saved?: SavedFeature;
  /** The registration scope (default: the worker's own). */
  scope?: string;
  /** The worker script's URL, which `manifest`, `offlinePage` and `offlineImage` are relative to. */
  scriptUrl?: string;
  /** The clock of cache ages (ms since the epoch); default `Date.now`. Tests pass their own. */
  now?: () => number;
}

/** One Shellac runtime: explicit, so a worker can hold two or test one in isolation. */
export interface Shellac {
  readonly precache: Precache;
  /** The cumulative pages cache, unless `pages: false`. */
  readonly pages: RuntimeCache | undefined;
  readonly logger: Logger;
  readonly version: string;
  /** Who the per-person caches belong to (with `identity`). */
  readonly identity: Identity | undefined;
  /**
   * A named runtime cache of this scope (`shellac:<scope>:runtime:<name>`), created once, with
   * quota handling. With `perUser`, it holds one person's responses and is dropped when another
   * person signs in or this one signs out. `name`: 1-64 letters, digits, `-` or `_` (`isCacheWord`).
   */
  runtimeCache(name: string, limits?: CacheLimits & { perUser?: boolean }): RuntimeCache;
  /** The core: answers a request, or returns undefined when the browser should handle it. */
  handle: Core;
  /** Answers a fetch event when something takes it; otherwise leaves it to the browser. */
  handleFetch(event: FetchEvent): void;
  /** Deletes every Shellac cache of this scope; returns their names. */
  clear(): Promise<string[]>;
  /** Adds the install, activate, fetch and message listeners to a worker global scope. */
  listen(worker: ServiceWorkerGlobalScope): void;
}

declare const self: ServiceWorkerGlobalScope;

/**
 * Creates a Shellac runtime from its units. The order of the list below is the precedence a
 * request is tried in, and the order failures are recovered in.
 */
export function createShellac(options: ShellacOptions = {}): Shellac {
  const scope = new URL(options.scope ?? self.registration.scope);
  const script = new URL(options.scriptUrl ?? self.location.href);
  const { router, shell, version = 'dev', now } = options;
  const at = (kind: CacheNameParts['kind'], name?: string): CacheNameParts => ({ scope: scope.pathname, kind, ...(name && { name }) });
  const meta = createMetaStore({ cacheName: cacheName(at('meta')), base: scope.href + RESERVED_PATH });
  const logger = createLogger({ on: options.debug, meta });
  const log = logger.log;
  const registry = createCacheRegistry({ scope: scope.pathname, meta, now, log });
  const identity = options.identity?.start({
    scope,
    meta,
    log,
    drop: (owner) => registry.drop((c) => (c.owner !== undefined && c.owner !== owner) || (!!shell?.perUser && c.kind === 'shell')),
    notify: async (message, except) => {
      for (const client of await self.clients.matchAll({ type: 'window' })) if (!except.includes(client.id)) client.postMessage(message);
    },
  });
  // Caches that hold one person's responses. Without identity they are plain: nobody signs in.
  const cacheFor = (name: CacheNameParts, limits?: CacheLimits, perUser?: boolean): RuntimeCache => {
    registry.declare(name);
    const open = (full: string) => registry.open(full, limits);
    return identity && perUser ? identity.cache(name, open) : open(cacheName(name));
  };
  const precache = createPrecache({
    cacheName: cacheName(at('precache')),
    version,
    manifestUrl: new URL(`${options.manifest ?? MANIFEST_FILE}?v=${version}`, script),
    scope,
    concurrency: options.precacheConcurrency,
    directoryIndex: options.directoryIndex,
    onQuotaExceeded: registry.free,
    log,
  });
  const pagesLimits = options.pages === false ? undefined : options.pages ?? {};
  // A page for one person (`Cache-Control: private`) is kept only when it names that person, in
  // that person's cache; an untagged private page could be anyone's.
  const isCacheable = identity ? identity.cacheable(cacheable()) : cacheable();
  const watch = identity && ((env: Pick<FetchEnv, 'clientId' | 'resultingClientId'>) => identity.watch(env));
  const broadcast = async (message: unknown) => {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
  };
  const saved = options.saved?.start({
    scope,
    log,
    meta,
    owner: identity,
    precached: (url) => precache.has(url),
    contentKey: shell && ((url) => shell.contentKey(url)),
    ensureShell: shell && (() => shell.ensure(log)),
    observe: identity && (() => identity.watch({})),
    evict: registry.forget,
    broadcast,
  });
  const keptPages = pagesLimits && cacheFor(at('pages'), pagesLimits, true);
  // Pages read through to saved ones: the network first, then the last visit's copy, then the saved one.
  const pagesCache = saved ? layeredCache(keptPages, saved.match) : keptPages;
  const pages = pagesUnit({
    cache: pagesCache,
    cacheable: isCacheable,
    timeoutSeconds: pagesLimits?.networkTimeoutSeconds ?? 3,
    scope,
    skip: (url) => precache.has(url),
    keyFor: shell && ((url) => shell.contentKey(url)),
    watch,
  });
  const [routes, routesDefault] = router?.units() ?? [];
  const owns = identity && ((response: Response) => identity.owns(response));

  // The precedence: the first unit that takes a request answers it.
  const reserved = scope.href + RESERVED_PATH;
  const units = [
    { route: (_: Request, url: URL) => (url.href.startsWith(reserved) ? false : undefined) }, // Shellac's own keys: the browser's
    identity?.unit, // sign-out requests
    precacheUnit(precache), // this version's files
    shell?.unit({ pages: pagesCache, pagesHandler: pages.handler, cacheable: isCacheable, log, owns }), // navigations and their content
    saved, // files of pages people saved
    routes, // your routes (and their catch handler, first to recover)
    pages, // navigations, network-first into the pages cache
    offlineUnit({ precache, offlinePage: url(options.offlinePage, script), offlineImage: url(options.offlineImage, script), log }),
    routesDefault, // whatever nothing else took
    registry.unit, // the runtime caches (no routes: what they keep)
    logger.unit,
  ].filter((unit): unit is Unit => !!unit);
  const lifecycle = createLifecycle({ units, version, scope, activate: options.activate, preloadHeader: shell && PRELOAD_CONTENT, drop: registry.drop, log });
  units.push(lifecycle.unit);
  const core = createCore({ units, log, watch, contentPreload: !!shell });

  const shellac: Shellac = {
    precache,
    pages: keptPages,
    logger,
    version,
    identity,
    runtimeCache: (name, limits) => cacheFor(at('runtime', name), limits, limits?.perUser),
    handle: core,
    handleFetch(event) {
      const answer = core(event.request, {
        preload: event.preloadResponse as Promise<Response | undefined>, // a promise of the preload response, or undefined
        waitUntil: (p) => event.waitUntil(p),
        clientId: event.clientId,
        resultingClientId: event.resultingClientId,
      });
      if (answer) event.respondWith(answer);
    },
    clear: () => lifecycle.clear(),
    listen(worker) {
      units.forEach((unit) => void unit.ready?.());
      lifecycle.listen(worker);
      const onMessage = createMessages(units, log);
      worker.addEventListener('fetch', (event) => shellac.handleFetch(event));
      for (const unit of units) for (const [type, listener] of Object.entries(unit.events ?? {})) worker.addEventListener(type, listener as EventListener); // typed per unit
      worker.addEventListener('message', (event) => onMessage(event));
    },
  };
  return shellac;
}

const url = (path: string | undefined, base: URL) => (path ? new URL(path, base) : undefined);
