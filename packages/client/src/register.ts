import { cacheScope, FILES, MESSAGE, type ClearReply, type UpdateFailure, type UserChangeReason, type WorkerMessage } from '@shellac/protocol';
import { ShellacClientError } from './errors.js';

/** What each event passes to its listeners. */
export interface ShellacEvents {
  /** A worker took control of this page (`isUpdate`: it replaced another). */
  controlling: { isUpdate: boolean };
  /** A new version is installed and waiting; `applyUpdate()` activates it and reloads. */
  updateReady: { applyUpdate(): void };
  /** A new version could not be installed; the current one keeps serving. */
  updateFailed: { version: string; failures: UpdateFailure[] };
  offline: Record<string, never>;
  online: Record<string, never>;
  /**
   * Another person signed in, or this one signed out (`anonymous`), in this or another tab: the
   * previous person's caches are gone. Unless a listener calls `preventDefault()`, the page then
   * reloads. `guardUnsavedInput()` (on by itself in app-shell pages) shows a notice instead when
   * the page holds unsaved form input.
   */
  userChanged: { reason: UserChangeReason; anonymous: boolean; preventDefault(): void };
}

export interface RegisterOptions {
  /** The worker script (default `sw.js` beside the page's base URL). */
  url?: string;
  /** Registration scope (default: the script's folder). */
  scope?: string;
  /** How often a long-lived tab asks for a new version; 0 turns it off. Default 3600. */
  updateIntervalSeconds?: number;
}

export interface ShellacClient {
  /** False where the browser has no service workers: everything else is then a harmless no-op. */
  readonly supported: boolean;
  /** The registration, once made (undefined when unsupported or refused). */
  readonly ready: Promise<ServiceWorkerRegistration | undefined>;
  /**
   * Adds a listener; returns the function that removes it. An `updateReady` listener added after
   * the update was found is called at once, so a late listener never misses a waiting version.
   */
  on<K extends keyof ShellacEvents>(type: K, listener: (event: ShellacEvents[K]) => void): () => void;
  /**
   * Empties every Shellac cache of this scope (pages, runtime caches and the precache, so the
   * offline page too until the next update); resolves with the names deleted. Rejects with a
   * `ShellacClientError` (`clear-failed`) when the worker could not delete them.
   */
  clearOfflineData(): Promise<string[]>;
  /** Asks the browser to look for a new version now. */
  update(): Promise<void>;
  /** Turns the worker's debug channel on or off. */
  debug(on: boolean): void;
}

/**
 * Registers the worker and reports its life as events. Feature-detected: in a browser without
 * service workers it resolves nothing and throws nothing.
 */
export function register(options: RegisterOptions = {}): ShellacClient {
  // Keyed by event type; `on` and `emit` keep each set's listener type consistent with its key.
  const listeners = new Map<string, Set<(event: never) => void>>();
  const emit = <K extends keyof ShellacEvents>(type: K, event: ShellacEvents[K]) =>
    listeners.get(type)?.forEach((l) => (l as (event: ShellacEvents[K]) => void)(event)); // see above
  const sw = typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  const url = new URL(options.url ?? FILES.worker, document.baseURI).href;
  const scope = new URL(options.scope ?? './', url).href;
  let reloading = false;
  let pendingUpdate: ShellacEvents['updateReady'] | undefined;

  const ready: Promise<ServiceWorkerRegistration | undefined> = sw
    ? sw.register(url, { scope }).catch((e) => (console.warn('shellac: registration failed', e), undefined))
    : Promise.resolve(undefined);

  const waitingReady = (reg: ServiceWorkerRegistration) => {
    const waiting = reg.waiting;
    if (!waiting || !sw?.controller) return;
    pendingUpdate = {
      applyUpdate() {
        reloading = true;
        waiting.postMessage({ type: MESSAGE.skipWaiting });
      },
    };
    emit('updateReady', pendingUpdate);
  };

  if (sw) {
    let controlled = !!sw.controller;
    sw.addEventListener('controllerchange', () => {
      if (reloading) return location.reload();
      pendingUpdate = undefined;
      emit('controlling', { isUpdate: controlled });
      // The page loaded before any worker controlled it: ask for it to be kept like later pages.
      if (!controlled) sw.controller?.postMessage({ type: MESSAGE.cacheUrls, urls: [location.href] });
      controlled = true;
    });
    sw.addEventListener('message', (event) => {
      const data = event.data as WorkerMessage | undefined; // only our worker posts to these pages
      if (data?.type === MESSAGE.updateFailed) emit('updateFailed', { version: data.version, failures: data.failures });
      if (data?.type === MESSAGE.userChanged) {
        let prevented = false;
        emit('userChanged', { reason: data.reason, anonymous: data.anonymous, preventDefault: () => (prevented = true) });
        // A page on its way out (its own logout form, say) is not reloaded: that would cancel
        // the navigation. Should it stay after all (a 204), it reloads a little later.
        if (!prevented) setTimeout(() => location.reload(), leaving ? 3000 : 0);
      }
    });
    void ready.then((reg) => {
      if (!reg) return;
      waitingReady(reg);
      reg.addEventListener('updatefound', () => {
        const installing = reg.installing;
        installing?.addEventListener('statechange', () => {
          // A worker that skips waiting passes through "installed" too; only a worker still
          // waiting a task later is an update the page must apply.
          if (installing.state === 'installed') setTimeout(() => waitingReady(reg), 0);
        });
      });
      const every = options.updateIntervalSeconds ?? 3600;
      if (every > 0) setInterval(() => document.visibilityState === 'visible' && reg.update().catch(() => {}), every * 1000);
    });
  }
  let leaving = false;
  addEventListener('beforeunload', () => (leaving = true));
  addEventListener('offline', () => emit('offline', {}));
  addEventListener('online', () => emit('online', {}));

  const post = (message: unknown) => ready.then((reg) => (sw?.controller ?? reg?.active)?.postMessage(message));

  return {
    supported: !!sw,
    ready,
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set.add(listener));
      if (type === 'updateReady' && pendingUpdate) (listener as (e: ShellacEvents['updateReady']) => void)(pendingUpdate); // K is 'updateReady' here
      return () => set.delete(listener);
    },
    async clearOfflineData() {
      const reg = await ready;
      const worker = sw?.controller ?? reg?.active;
      if (worker) {
        const channel = new MessageChannel();
        const reply = new Promise<ClearReply>((resolve) => (channel.port1.onmessage = (e) => resolve(e.data as ClearReply))); // our worker's reply shape
        worker.postMessage({ type: MESSAGE.clear }, [channel.port2]);
        const answer = await Promise.race([reply, new Promise<undefined>((r) => setTimeout(r, 3000))]);
        if (answer?.ok) return answer.deleted;
        if (answer) throw new ShellacClientError('clear-failed', `the worker could not clear its caches: ${(answer as ClearReply & { error?: string }).error}`, { reply: answer }); // the worker adds `error` when ok is false
      }
      // No worker (or it did not answer): the page can reach the same caches itself, where the
      // browser has them (not on plain-HTTP pages other than localhost).
      if (typeof caches === 'undefined') return [];
      const path = new URL(scope).pathname;
      const names = (await caches.keys()).filter((n) => cacheScope(n) === path);
      await Promise.all(names.map((n) => caches.delete(n)));
      return names;
    },
    async update() {
      await (await ready)?.update();
    },
    debug(on) {
      void post({ type: MESSAGE.debug, on });
    },
  };
}
