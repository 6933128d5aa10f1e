import { MESSAGE, WORKER_FILE, type ClearReply, type StatusReply, type UpdateFailure, type UserChangeReason, type WorkerMessage } from '@shellac/protocol';

/** What each event passes to its listeners. */
export interface ShellacEvents {
  /** A worker took control of this page (`isUpdate`: it replaced another). */
  controlling: { isUpdate: boolean };
  /** A new version is installed and waiting; `applyUpdate()` activates it and reloads. */
  updateReady: { applyUpdate(): void };
  /**
   * A new version could not be installed (`failures`: which files, and why); the current one keeps
   * serving. Fix the files named (a 404 on deploy, a CDN serving old bytes) and deploy again.
   */
  updateFailed: { version: string; failures: UpdateFailure[] };
  /**
   * This version's stored files cannot be trusted (`reason`: `manifest-unreadable`,
   * `files-missing`): they come from the network until the worker reinstalls them at its next
   * update check. Nothing to do; pages keep working online.
   */
  safeMode: { reason: string };
  /**
   * The site retired its worker (its manifest answers 404 or 410): every cache is gone and the
   * worker unregistered. Pages load from the network from the next navigation on.
   */
  retired: Record<string, unknown>;
  /**
   * The origin's storage was full: the least recently used kept pages and files were deleted to
   * make room for `bytes`. Offer `clearOfflineData()` when it happens often.
   */
  quota: { bytes: number };
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
  /**
   * Looks for a new version now: the browser checks `sw.js`, and the worker its manifest (a 404
   * or 410 there retires it; `status()` then tells the outcome under `checked`).
   */
  update(): Promise<void>;
  /** What the worker says of itself: the JSON of its state page (undefined without a worker). */
  status(): Promise<StatusReply | undefined>;
  /** Turns the worker's debug channel on or off. */
  debug(on: boolean): void;
}

/** The worker's messages that reach listeners as they are, under the event of their name. */
const EVENTS = new Set(['updateFailed', 'safeMode', 'retired', 'quota']);

/**
 * Registers the worker and reports its life as events. Feature-detected: in a browser without
 * service workers it resolves nothing and throws nothing.
 */
export function register(options: RegisterOptions = {}): ShellacClient {
  // Keyed by event type; `on` and `emit` keep each set's listener type consistent with its key.
  const listeners = new Map<string, Set<(event: never) => void>>();
  const emit = <K extends keyof ShellacEvents>(type: K, event: ShellacEvents[K]) =>
    listeners.get(type)?.forEach((l) => (l as (event: ShellacEvents[K]) => void)(event)); // see above
  // A page always has a navigator (the next line reads document too): only the API is detected.
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  const url = new URL(options.url ?? WORKER_FILE, document.baseURI).href;
  const scope = new URL(options.scope ?? './', url).href;
  let reloading = false;
  let pendingUpdate: ShellacEvents['updateReady'] | undefined;

  const ready: Promise<ServiceWorkerRegistration | undefined> = sw
    ? sw.register(url, { scope }).catch((e) => (console.warn('shellac: registration failed', e), undefined))
    : Promise.resolve(undefined);

  const waitingReady = (reg: ServiceWorkerRegistration) => {
    const waiting = reg.waiting;
    if (!waiting || !sw?.controller) return;
    // Applied (here or in another tab) or replaced: it is no longer news for a late listener.
    waiting.addEventListener('statechange', () => (pendingUpdate = undefined));
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
      // `shellac:update-failed` → `updateFailed`, and so on: the message is the event.
      const name = String(data?.type).replace(/^shellac:|-(\w)/g, (_, c?: string) => c?.toUpperCase() ?? '');
      if (data && EVENTS.has(name)) {
        const { type: _type, ...event } = data;
        emit(name as 'quota', event as ShellacEvents['quota']); // the message of that event's type
      }
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
          // A worker that skips waiting passes through "installed" too, and stays there while the
          // old one finishes its work: only the worker can tell, so it is asked (a message it
          // posted would race the state change). One that does not answer is taken for waiting.
          if (installing.state === 'installed') void ask<boolean>({ type: MESSAGE.waits }, installing).then((waits) => waits === false || waitingReady(reg));
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
  // A question to the worker, answered on a channel; undefined without a worker or an answer.
  const ask = async <T>(message: object, to?: ServiceWorker): Promise<T | undefined> => {
    const worker = to ?? sw?.controller ?? (await ready)?.active;
    if (!worker) return undefined;
    const channel = new MessageChannel();
    const reply = new Promise<T>((resolve) => (channel.port1.onmessage = (e) => resolve(e.data as T))); // the reply of our own worker
    worker.postMessage(message, [channel.port2]);
    return Promise.race([reply, new Promise<undefined>((r) => setTimeout(r, 3000))]);
  };

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
      const answer = await ask<ClearReply & { error?: string }>({ type: MESSAGE.clear }); // the worker adds `error` when ok is false
      // The rest is loaded only when needed (`shellac-clear.js` beside `shellac.js` in its build).
      return answer?.ok ? answer.deleted : import('./clear-fallback.js').then((m) => m.clearFallback(answer, scope));
    },
    async update() {
      void post({ type: MESSAGE.check });
      await (await ready)?.update().catch(() => {});
    },
    status: () => ask<StatusReply>({ type: MESSAGE.status }),
    debug(on) {
      void post({ type: MESSAGE.debug, on });
    },
  };
}
