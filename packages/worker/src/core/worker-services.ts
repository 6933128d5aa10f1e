import { cacheName, MESSAGE, parseCacheName, RESERVED_PATH, type CacheNameParts, type WorkerMessage } from '@shellac/protocol';
import { createCacheRegistry, type CacheRegistry } from '../caches/cache-registry.js';
import { cacheable, type Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { CacheLimits } from '../caches/select-evictions.js';
import type { IdentityFeature } from '../identity/create-identity.js';
import type { Identity } from '../identity/identity.js';
import type { Log } from './log.js';
import { createLogger, type Logger } from './logger.js';
import { createMetaStore, type MetaStore } from './meta-store.js';

/** What every unit may be lent: the scope, its clock and storage, identity, the open pages. */
export interface WorkerServices {
  scope: URL;
  /** The worker script's URL, which manifest and fallback URLs are relative to. */
  script: URL;
  now: () => number;
  meta: MetaStore;
  logger: Logger;
  log: Log;
  registry: CacheRegistry;
  identity: Identity | undefined;
  /** Which responses the shared rules let a cache keep (identity widens it to tagged private pages). */
  cacheable: Cacheable;
  /** The parts of one of this scope's cache names. */
  at(kind: CacheNameParts['kind'], name?: string): CacheNameParts;
  /** A runtime cache, one person's with `perUser` and identity on. */
  cacheFor(name: CacheNameParts, limits?: CacheLimits, perUser?: boolean): RuntimeCache;
  /** Posts a message to every window of the scope, but `except` ones. */
  broadcast(message: WorkerMessage | object, except?: string[]): Promise<void>;
  /** The ids of every open page of the scope. */
  clients(): Promise<string[]>;
  /**
   * Posts a message to one page. A navigation's page (its `resultingClientId`) exists only once
   * its answer commits: `clients.get` waits for it, and the page's messages wait for its
   * DOMContentLoaded, so its script's listeners hear it.
   */
  post(clientId: string, message: WorkerMessage): Promise<void>;
}

export interface ServicesOptions {
  scope?: string | undefined;
  scriptUrl?: string | undefined;
  now?: (() => number) | undefined;
  debug?: boolean | undefined;
  identity?: IdentityFeature | undefined;
  /** A per-user shell is dropped with its person. */
  perUserShell?: boolean | undefined;
}

declare const self: ServiceWorkerGlobalScope;

/** The services of one runtime: made once, lent to its units. */
export function createServices(options: ServicesOptions): WorkerServices {
  const scope = new URL(options.scope ?? self.registration.scope);
  const now = options.now ?? Date.now;
  const at = (kind: CacheNameParts['kind'], name?: string): CacheNameParts => ({ scope: scope.pathname, kind, ...(name && { name }) });
  const meta = createMetaStore({ cacheName: cacheName(at('meta')), base: scope.href + RESERVED_PATH });
  const logger = createLogger({ on: options.debug, meta });
  const log = logger.log;
  const broadcast = async (message: object, except: string[] = []) => {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) if (!except.includes(client.id)) client.postMessage(message);
  };
  let identity: Identity | undefined;
  const registry = createCacheRegistry({ scope: scope.pathname, meta, now, log, owner: () => identity?.current, full: (bytes) => void broadcast({ type: MESSAGE.quota, bytes }) });
  identity = options.identity?.start({
    scope,
    meta,
    log,
    drop: async (owner) => {
      const names = await registry.drop((c) => (c.owner !== undefined && c.owner !== owner) || (!!options.perUserShell && c.kind === 'shell'));
      // The state page shows the log to whoever uses the browser now: nothing of the previous
      // person's requests, nor their tag in the names of their caches.
      logger.forget();
      return names.map((name) => {
        const parts = parseCacheName(name);
        return parts ? cacheName({ ...parts, owner: undefined }) : name;
      });
    },
    notify: broadcast,
  });
  const shared = cacheable();
  return {
    scope,
    script: new URL(options.scriptUrl ?? self.location.href),
    now,
    meta,
    logger,
    log,
    registry,
    identity,
    cacheable: identity ? identity.cacheable(shared) : shared,
    at,
    cacheFor(name, limits, perUser) {
      registry.declare(name);
      const open = (full: string) => registry.open(full, limits);
      return identity && perUser ? identity.cache(name, open) : open(cacheName(name));
    },
    broadcast,
    clients: async () => (await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id),
    post: async (clientId, message) => (await self.clients.get(clientId))?.postMessage(message),
  };
}
