import { MESSAGE, type WorkerMessage } from '@shellac/protocol';
import type { ShellacEvents } from './register.js';

/** Calls a type's listeners with its event. */
export type Emit = <K extends keyof ShellacEvents>(type: K, event: ShellacEvents[K]) => void;

/** The worker's messages that reach listeners as they are, under the event of their name. */
const EVENTS = new Set(['updateFailed', 'safeMode', 'retired', 'quota']);

/**
 * Reports the worker's life as events: control taken, a version waiting, the worker's own news.
 * `setPending` gets the waiting version's update (undefined once applied or replaced), for a late
 * `updateReady` listener; `every`: seconds between update checks of a visible page (0: none).
 */
export function followWorker(sw: ServiceWorkerContainer, ready: Promise<ServiceWorkerRegistration | undefined>, emit: Emit, every: number, setPending: (update?: ShellacEvents['updateReady']) => void): void {
  let reloading = false;
  let leaving = false;
  // A worker that said, while installing, that it activates by itself.
  let skipping: unknown;
  let controlled = !!sw.controller;

  const waitingReady = (reg: ServiceWorkerRegistration) => {
    const waiting = reg.waiting;
    if (!waiting || !sw.controller) return;
    // Applied (here or in another tab) or replaced: it is no longer news for a late listener.
    waiting.addEventListener('statechange', () => setPending());
    const update = {
      applyUpdate() {
        reloading = true;
        waiting.postMessage({ type: MESSAGE.skipWaiting });
      },
    };
    setPending(update);
    emit('updateReady', update);
  };

  sw.addEventListener('controllerchange', () => {
    if (reloading) return location.reload();
    setPending();
    emit('controlling', { isUpdate: controlled });
    // The page loaded before any worker controlled it: ask for it to be kept like later pages.
    if (!controlled) sw.controller?.postMessage({ type: MESSAGE.cacheUrls, urls: [location.href] });
    controlled = true;
  });
  sw.addEventListener('message', (event) => {
    const data = event.data as WorkerMessage | undefined; // only our worker posts to these pages
    if (data?.type === MESSAGE.activating) skipping = event.source;
    // `shellac:update-failed` → `updateFailed`, and so on: the message is the event.
    const name = String(data?.type).replace(/^shellac:|-(\w)/g, (_, c?: string) => c?.toUpperCase() ?? '');
    if (data && EVENTS.has(name)) {
      const { type: _type, ...event } = data;
      emit(name as 'quota', event as ShellacEvents['quota']); // the message of that event's type
    }
    if (data?.type === MESSAGE.userChanged) announceUserChange(emit, data.reason, data.anonymous, leaving);
  });
  void ready.then((reg) => {
    if (!reg) return;
    waitingReady(reg);
    reg.addEventListener('updatefound', () => {
      const installing = reg.installing;
      installing?.addEventListener('statechange', () => {
        // A worker that skips waiting passes through "installed" too, and stays there while the
        // old one finishes its work: Shellac's says so while installing. Another worker is taken
        // for waiting when it still is a task later.
        if (installing.state === 'installed' && installing !== skipping) setTimeout(() => waitingReady(reg), 0);
      });
    });
    if (every > 0) setInterval(() => document.visibilityState === 'visible' && reg.update().catch(() => {}), every * 1000);
  });
  addEventListener('beforeunload', () => (leaving = true));
}

/** Tells listeners another person signed in (or this one out), then reloads unless one prevented it. */
function announceUserChange(emit: Emit, reason: ShellacEvents['userChanged']['reason'], anonymous: boolean, leaving: boolean): void {
  let prevented = false;
  emit('userChanged', { reason, anonymous, preventDefault: () => (prevented = true) });
  // A page on its way out (its own logout form, say) is not reloaded: that would cancel the
  // navigation. Should it stay after all (a 204), it reloads a little later.
  if (!prevented) setTimeout(() => location.reload(), leaving ? 3000 : 0);
}
