import { PRELOAD_CONTENT, type StatusReply } from '@shellac/protocol';
import type { RuntimeCache } from './caches/runtime-cache.js';
import type { CacheLimits } from './caches/select-evictions.js';
import { createCore, type Core } from './core/create-core.js';
import { createLifecycle } from './core/create-lifecycle.js';
import { createMessages } from './core/create-messages.js';
import type { Logger } from './core/logger.js';
import { createServices } from './core/worker-services.js';
import { createUnits } from './create-units.js';
import type { Identity } from './identity/identity.js';
import type { Precache } from './precache/precache.js';
import { fetchHandler } from './fetch-handler.js';
import { retireGate } from './units/retire-gate.js';
import type { ShellacOptions } from './shellac-options.js';
import { stateUnit } from './units/state-unit.js';

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
  /**
   * The core: answers a request, or returns undefined when the browser should handle it. Until
   * `ready()` resolved, every request is taken (and decided once the state it needs is loaded).
   */
  handle: Core;
  /** Resolves once every unit has loaded what it routes by (the precache's versions, say). */
  ready(): Promise<void>;
  /** Answers a fetch event when something takes it; otherwise leaves it to the browser. */
  handleFetch(event: FetchEvent): void;
  /** Deletes every Shellac cache of this scope; returns their names. */
  clear(): Promise<string[]>;
  /** What the worker says of itself (the state page and the `status` message). */
  status(): Promise<StatusReply>;
  /** Looks at the deployed manifest now: retires on a 404 or 410, repairs a precache in safe mode. */
  check(): Promise<unknown>;
  /** Adds the install, activate, fetch and message listeners to a worker global scope. */
  listen(worker: ServiceWorkerGlobalScope): void;
}

declare const self: ServiceWorkerGlobalScope;

/**
 * Creates a Shellac runtime: its services, then its units in order of precedence
 * (`createUnits`), the lifecycle and message units, and the core every request goes through.
 */
export function createShellac(options: ShellacOptions = {}): Shellac {
  const { shell, version = 'dev' } = options;
  const services = createServices({ ...options, perUserShell: shell?.perUser });
  const { scope, log } = services;
  const gate = retireGate({
    log,
    clear: () => lifecycle.clear(),
    ready: () => shellac.ready(),
    broadcast: services.broadcast,
    worker: () => self,
  });
  const { units, precache, update, kept } = createUnits(services, options, gate);
  const lifecycle = createLifecycle({ units, version, scope, activate: options.activate, preloadHeader: shell && PRELOAD_CONTENT, drop: services.registry.drop, failed: update.failed, now: services.now, log });
  units.unshift(stateUnit({ scope, enabled: options.statePage !== false, status: () => lifecycle.status() }));
  units.push(lifecycle.unit);
  // An install that fails on a gone manifest retires the worker while the other units still
  // install (the shell, the app's data): their work is let end first, or it would write its cache back.
  for (const unit of units) {
    const install = unit.install?.bind(unit);
    if (install) unit.install = (event) => {
      const work = install(event);
      gate.track(work);
      return work;
    };
  }
  const { identity } = services;
  const core = createCore({ units, log, watch: identity && ((env) => identity.watch(env)), contentPreload: !!shell });

  const shellac: Shellac = {
    precache,
    pages: kept,
    logger: services.logger,
    version,
    identity,
    runtimeCache: (name, limits) => services.cacheFor(services.at('runtime', name), limits, limits?.perUser),
    handle: core,
    ready: async () => void (await Promise.all(units.map((unit) => unit.ready?.()))),
    handleFetch: fetchHandler(core, gate, update),
    clear: () => lifecycle.clear(),
    status: () => lifecycle.status(),
    check: () => update.check(),
    listen(worker) {
      units.forEach((unit) => void unit.ready?.());
      lifecycle.listen(worker);
      const onMessage = createMessages(units, log);
      worker.addEventListener('fetch', (event) => shellac.handleFetch(event));
      for (const unit of units) for (const [type, listener] of Object.entries(unit.events ?? {})) worker.addEventListener(type, listener as EventListener); // typed per unit
      worker.addEventListener('message', (event) => gate.retired || onMessage(event));
    },
  };
  return shellac;
}

