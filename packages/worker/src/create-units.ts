import { cacheName, MANIFEST_FILE, versionPack } from '@shellac/protocol';
import type { RuntimeCache } from './caches/runtime-cache.js';
import type { WorkerServices } from './core/worker-services.js';
import type { FetchEnv, Unit } from './core/unit.js';
import type { ShellacOptions } from './shellac-options.js';
import type { Precache } from './precache/precache.js';
import { createPrecache } from './precache/precache.js';
import { offlineUnit } from './units/offline-unit.js';
import { pagesUnit } from './units/pages-unit.js';
import { precacheUnit } from './units/precache-unit.js';
import type { RetireGate } from './units/retire-gate.js';
import { updateUnit, type UpdateUnit } from './units/update-unit.js';

/** The units of a runtime in order of precedence, and the parts the runtime itself holds on to. */
export interface RuntimeUnits {
  units: Unit[];
  precache: Precache;
  update: UpdateUnit;
  /** The pages cache the runtime keeps (without saved pages read through). */
  kept: RuntimeCache | undefined;
}

/**
 * The units, in the order a request is tried: the first unit whose route takes it answers it, and
 * when that answer fails, the units that recover are asked in the same order.
 */
export function createUnits(services: WorkerServices, options: ShellacOptions, gate: RetireGate): RuntimeUnits {
  const { scope, script, log, identity } = services;
  const version = options.version ?? 'dev';
  const { shell, router } = options;
  const precacheName = cacheName(services.at('precache'));
  const manifestUrl = new URL(options.manifest ?? MANIFEST_FILE, script);
  const precache = createPrecache({
    cacheName: precacheName,
    version,
    manifestUrl,
    // sw.js leaves out a pack named after the version: derived here (`false`: there is none).
    inline: options.entries && { version, entries: options.entries, pack: options.pack === false ? undefined : (options.pack ?? versionPack(version)), hashedFolders: options.hashedFolders },
    scope,
    meta: services.meta,
    concurrency: options.precacheConcurrency,
    directoryIndex: options.directoryIndex,
    onQuotaExceeded: services.registry.free,
    log,
  });
  const watch = identity && ((env: Pick<FetchEnv, 'clientId' | 'resultingClientId'>) => identity.watch(env));
  const saved = options.saved?.from(services, { precache, shell });
  const limits = options.pages === false ? undefined : options.pages ?? {};
  const kept = limits && services.cacheFor(services.at('pages'), limits, true);
  const app = options.app?.from(services, kept);
  // Pages read through: the network first, then the last visit's copy, then the app's render, then a saved copy.
  const pagesCache = app ? app.layer(kept, saved?.match) : saved ? saved.layer(kept) : kept;
  const pages = pagesUnit({ cache: pagesCache, cacheable: services.cacheable, timeoutSeconds: limits?.networkTimeoutSeconds ?? 3, scope, skip: (url) => precache.has(url), keyFor: shell && ((url) => shell.contentKey(url)), watch });
  const update = updateUnit({ manifestUrl, precache, meta: services.meta, checkSeconds: options.checkSeconds, now: services.now, log, retire: (o) => gate.retire(o), update: () => (self as unknown as ServiceWorkerGlobalScope).registration.update(), broadcast: services.broadcast, post: services.post }); // self is the worker's global scope
  const [routes, routesDefault] = router?.units() ?? [];
  const units = [
    gate, // a retired worker answers nothing
    update, // looks at the deployed manifest on navigations
    identity?.unit, // sign-out requests
    precacheUnit({ precache, cacheName: precacheName, clients: services.clients }), // this version's files
    app, // with renderFirst, content rendered at once; and the app's data in sync
    shell?.unit({ pages: pagesCache, pagesHandler: pages.handler, cacheable: services.cacheable, log, owns: identity && ((r) => identity.owns(r)) }), // navigations and their content
    saved, // files of pages people saved
    routes, // your routes (and their catch handler, first to recover)
    pages, // navigations, network-first into the pages cache
    offlineUnit({ precache, offlinePage: at(options.offlinePage, script), offlineImage: at(options.offlineImage, script), log }),
    routesDefault, // whatever nothing else took
    services.registry.unit, // the runtime caches: what activation keeps, the storage on the state page
    services.logger.unit, // the debug channel
  ].filter((unit): unit is Unit => !!unit);
  return { units, precache, update, kept };
}

const at = (path: string | undefined, base: URL) => (path ? new URL(path, base) : undefined);

