import { MESSAGE, type CacheNameParts, type InstallFailure, type StatusReply, type UpdateFailedMessage, type UpdateFailure } from '@shellac/protocol';
import { ShellacWorkerError } from '../errors.js';
import type { Log } from './log.js';
import type { Unit } from './unit.js';

export interface LifecycleOptions {
  units: readonly Unit[];
  version: string;
  scope: URL;
  /** `immediately`: activate once installed, without waiting for every tab to close. */
  activate?: 'immediately' | 'waiting' | undefined;
  /** The navigation preload header value (app-shell mode asks for the content alone). */
  preloadHeader?: string | undefined;
  /** Deletes the scope's caches that `test` picks; resolves with their names (the cache registry's). */
  drop(test: (cache: CacheNameParts) => boolean): Promise<string[]>;
  /** Records an install that failed, for the state page. */
  failed?: ((failure: InstallFailure) => Promise<void>) | undefined;
  now?: () => number;
  log: Log;
}

/** A version's life: installing, taking over, and the page messages about it. */
export interface Lifecycle {
  /** Adds the install and activate listeners. */
  listen(worker: ServiceWorkerGlobalScope): void;
  /** Deletes every Shellac cache of the scope and resets every unit; resolves with the names. */
  clear(): Promise<string[]>;
  /** What the worker says of itself, gathered from every unit. */
  status(): Promise<StatusReply>;
  /** `skipWaiting`, `clear` and `status`. */
  readonly unit: Unit;
}

/**
 * Install runs every unit's install at once, and a version activates only when all succeeded;
 * otherwise the pages hear which files failed and why, and the old version keeps serving. At
 * activation, caches of the scope that no unit keeps (an old route's, say) are deleted.
 */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const { units, version, scope, drop, log } = options;
  let global: ServiceWorkerGlobalScope | undefined;
  // Decided once: whether the install skips waiting, and what a page asking is told.
  const waits = options.activate !== 'immediately';
  const each = (step: 'install' | 'activate', event: ExtendableEvent) => Promise.all(units.map((unit) => unit[step]?.(event)));

  const failed = async (worker: ServiceWorkerGlobalScope, error: unknown) => {
    const failures = (error instanceof ShellacWorkerError && (error.details.failures as UpdateFailure[])) || [{ url: '', reason: String(error) }]; // precache-failed details hold UpdateFailure[]
    const message: UpdateFailedMessage = { type: MESSAGE.updateFailed, version, failures };
    await options.failed?.({ version, at: (options.now ?? Date.now)(), failures });
    for (const client of await worker.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
    throw error;
  };

  const lifecycle: Lifecycle = {
    listen(worker) {
      global = worker;
      worker.addEventListener('install', (event) => {
        event.waitUntil(
          each('install', event).then(
            () => (waits ? undefined : worker.skipWaiting()),
            (error) => failed(worker, error),
          ),
        );
      });
      worker.addEventListener('activate', (event) => {
        const preload = worker.registration.navigationPreload;
        event.waitUntil(
          Promise.all([
            each('activate', event),
            preload?.enable().then(() => (options.preloadHeader ? preload.setHeaderValue(options.preloadHeader) : undefined)),
            drop((cache) => cache.kind !== 'meta' && !units.some((unit) => unit.keeps?.(cache))),
          ]).then(() => worker.clients.claim()),
        );
      });
    },
    async status() {
      const parts = await Promise.all(units.map((unit) => unit.state?.()));
      return Object.assign({ version, scope: scope.href }, ...parts) as StatusReply; // each unit adds its own fields
    },
    async clear() {
      const names = await drop(() => true);
      units.forEach((unit) => unit.reset?.());
      log(() => `cleared ${names}`);
      return names;
    },
    unit: {
      messages: {
        [MESSAGE.skipWaiting]: () => global?.skipWaiting(),
        [MESSAGE.clear]: () => lifecycle.clear().then((deleted) => ({ ok: true, deleted })),
        [MESSAGE.status]: () => lifecycle.status(),
        [MESSAGE.waits]: () => waits,
      },
    },
  };
  return lifecycle;
}
