import { MESSAGE, type WorkerMessage } from '@shellac/protocol';
import type { Log } from '../core/log.js';
import type { Unit } from '../core/unit.js';

export interface RetireGateOptions {
  log: Log;
  /** Deletes every Shellac cache of the scope (the lifecycle's `clear`). */
  clear(): Promise<unknown>;
  /** Resolves once every unit loaded its state: a load still running after the clear would open its cache again. */
  ready(): Promise<unknown>;
  broadcast(message: WorkerMessage): Promise<void>;
  /** The worker's global scope (its registration and its pages). */
  worker(): ServiceWorkerGlobalScope;
}

/** How a retirement was started. */
export interface RetireOptions {
  /** The work the call runs inside (the update check): not waited for. */
  within?: Promise<unknown> | undefined;
  /** From a failed install: the unregistration waits for the install to end, so it is not waited for. */
  installing?: boolean;
  /** Navigate the open pages this worker controls to their own URL (not while one tab is navigating). */
  reload?: boolean;
}

/** Retires the worker, and answers nothing once it has. */
export interface RetireGate extends Unit {
  /** True from the moment the worker starts retiring: it then takes no request and no message. */
  readonly retired: boolean;
  /** Work a request started (its answer, what it keeps alive): a retirement lets it end before deleting the caches. */
  track(work: Promise<unknown>): void;
  /** Takes the worker out: unregistered, every cache of the scope deleted, pages told. */
  retire(options?: RetireOptions): Promise<void>;
  /** Resolves once the registration is gone (undefined before a retirement started). */
  unregistered(): Promise<unknown> | undefined;
  /**
   * Once no page is on the worker any more (10 s at most), unregisters once more: a page calling
   * `register()` while one still was brought the registration back (Chromium does), and an
   * unregistration with no page left takes effect at once.
   */
  settle(): Promise<unknown>;
}

/**
 * The kill switch inside the runtime, first of the units. Once retired it routes nothing, and the
 * runtime stops calling the core at all (whose units would load their state, and so open their
 * caches, again). The retirement:
 * 1. unregisters at once: from then on no navigation matches the registration;
 * 2. waits for the work requests already started (a page fetched into the pages cache, a
 *    revalidation): ending after the clear, it would write its cache back;
 * 3. deletes every cache of the scope, tells the pages (`retired`) and, when asked, navigates the
 *    pages it controls to their own URL: they load from the network, and with no page left the
 *    browser drops the registration. Until then, a page calling `register()` would bring back
 *    the registration (Chromium does), with its worker still retired in memory only.
 * Nothing is kept to remember the retirement: a cache kept for that would be the one left behind.
 */
export function retireGate(options: RetireGateOptions): RetireGate {
  const { log } = options;
  const started = new Set<Promise<unknown>>();
  let retired = false;
  let leaving: Promise<unknown> | undefined;
  let retiring: Promise<void> | undefined;

  const run = async ({ within, installing, reload }: RetireOptions) => {
    if (!installing) await leaving;
    await options.ready();
    // Work may start more work (a response, then its write): waited for until none is left.
    let left: Promise<unknown>[];
    while ((left = [...started].filter((w) => w !== within)).length) await Promise.allSettled(left);
    const names = await options.clear();
    log(() => `retired (manifest gone): deleted ${names}`);
    await options.broadcast({ type: MESSAGE.retired });
    // Only pages this worker controls can be navigated by it. Not waited for: the browser drops the
    // registration once they are gone, and a page loaded before that would bring it back.
    if (reload) for (const page of await options.worker().clients.matchAll({ type: 'window' })) void page.navigate(page.url).catch(() => null);
    if (!installing) await settle();
  };
  const settle = async () => {
    const worker = options.worker();
    for (let i = 0; i < 50 && (await worker.clients.matchAll()).length; i++) await new Promise((r) => setTimeout(r, 200));
    await worker.registration.unregister().catch(() => false);
  };

  return {
    get retired() {
      return retired;
    },
    route: () => (retired ? false : undefined),
    track(work) {
      started.add(work);
      void work.catch(() => {}).finally(() => started.delete(work));
    },
    retire(how = {}) {
      retired = true;
      leaving ??= options.worker().registration.unregister().catch(() => false);
      return (retiring ??= run(how));
    },
    unregistered: () => leaving,
    settle,
  };
}
