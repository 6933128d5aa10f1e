import { MESSAGE, type InstallFailure, type UpdateCheck, type WorkerMessage } from '@shellac/protocol';
import type { Log } from '../core/log.js';
import type { MetaStore } from '../core/meta-store.js';
import type { Unit } from '../core/unit.js';
import type { Precache } from '../precache/precache.js';
import { lookAtManifest } from './look-at-manifest.js';

export interface UpdateUnitOptions {
  /** The manifest's URL, as deployed (no version parameter). */
  manifestUrl: URL;
  precache: Precache;
  meta: MetaStore;
  /** Least seconds between two looks on navigations. Default 300. */
  checkSeconds?: number | undefined;
  now: () => number;
  log: Log;
  /**
   * Takes the worker out: every cache of the scope deleted, unregistered, pages told. `within`:
   * the check it runs inside; `installing`: called from a failed install.
   */
  retire(options: { within?: Promise<unknown> | undefined; installing?: boolean; reload?: boolean }): Promise<void>;
  /** Asks the browser to look for a new `sw.js` now. */
  update(): Promise<unknown>;
  broadcast(message: WorkerMessage): Promise<void>;
  /** Posts to one page (a navigation's page, once it exists). */
  post(clientId: string, message: WorkerMessage): Promise<void>;
}

/** The update check, and what it records for the state page. */
export interface UpdateUnit extends Unit {
  /** Looks at the deployed manifest now. */
  check(): Promise<UpdateCheck>;
  /**
   * While a check runs: resolves true as soon as its answer says the worker retires (the retirement
   * then started), false otherwise. A navigation that started the check waits for it.
   */
  verdict(): Promise<boolean> | undefined;
  /** Records an install that failed (the lifecycle calls it). */
  failed(failure: InstallFailure): Promise<void>;
}

/**
 * The worker's own look at the deployed manifest: on a navigation (at most every `checkSeconds`)
 * and when a page asks. A `404` or `410` is the site retiring the worker: it takes itself out.
 * A `5xx` or a network failure is an outage, never a retirement. A precache in safe mode is
 * repaired here: the worker installs its own version's missing files again.
 */
export function updateUnit(options: UpdateUnitOptions): UpdateUnit {
  const { precache, meta, log, now } = options;
  const every = (options.checkSeconds ?? 300) * 1000;
  // When the last look was, read back at start: a worker the browser restarts does not look again at once.
  let last: number | undefined;
  let loading: Promise<void> | undefined;
  let checking: Promise<UpdateCheck> | undefined;
  let verdict: Promise<boolean> | undefined;
  let told = false;

  const look = (staying?: () => void) => lookAtManifest(options.manifestUrl, precache.version, now(), staying);

  /** `byNavigation`: a navigation started it (and may wait for its verdict). */
  const check = (byNavigation = false): Promise<UpdateCheck> => {
    if (checking) return checking;
    let decide: (retiring: boolean) => void = () => {};
    verdict = new Promise((resolve) => (decide = resolve));
    checking = (async () => {
      last = now();
      const result = await look(() => decide(false));
      log(() => `update check: ${result.outcome}${result.detail ? ` (${result.detail})` : ''}`);
      if (result.outcome === 'retired') {
        // A page's own check reloads the open pages; a navigation's leaves its tab to go where it goes.
        const retiring = options.retire({ within: checking, reload: !byNavigation });
        decide(true);
        await retiring;
        return result;
      }
      await meta.put('check', result).catch(() => {});
      // Not waited for: the browser runs the update on its own, and an event of this worker kept
      // open on it holds back the new worker's activation (Chromium activates a worker that skipped
      // waiting only once the old one has no event in flight).
      if (result.outcome === 'newer') void options.update().catch(() => {});
      else if (result.outcome === 'current' && precache.safeMode) await precache.install().then(() => log(() => 'precache repaired'), (e) => log(() => `precache repair failed: ${e}`));
      return result;
    })().finally(() => {
      decide(false);
      checking = verdict = undefined;
    });
    return checking;
  };

  const unit: UpdateUnit = {
    check: () => check(),
    verdict: () => verdict,
    async failed(failure) {
      // A page loaded after the worker retired registers sw.js again: its install fails on the
      // gone manifest, and it retires too, deleting what its start made. Looked at only when an
      // install failed, so it costs one request in that case alone.
      const now = await look();
      if (now.outcome === 'retired') return options.retire({ installing: true });
      await meta.put('install-failed', failure).catch(() => {});
    },
    ready: () => (last !== undefined ? undefined : (loading ??= meta.get<UpdateCheck>('check').then((c) => void (last ??= c?.at ?? 0)))),
    arrive(request, _url, env) {
      if (request.mode !== 'navigate') return;
      if (precache.safeMode) {
        const message: WorkerMessage = { type: MESSAGE.safeMode, reason: precache.safeMode };
        // Every page that opens in safe mode hears it, the only tab of a visitor included (a
        // broadcast now misses it: the page that navigates does not exist yet); pages already
        // open hear it once per worker life.
        if (env.resultingClientId) env.waitUntil(options.post(env.resultingClientId, message).catch(() => {}));
        if (!told) env.waitUntil(options.broadcast(message));
        told = true;
      }
      if (now() - (last ?? 0) >= every || precache.safeMode) env.waitUntil(check(true));
    },
    messages: {
      [MESSAGE.check]: () => check(),
    },
    state: async () => ({
      checked: await meta.get<UpdateCheck>('check'),
      installFailed: await meta.get<InstallFailure>('install-failed'),
      ...(precache.safeMode && { safeMode: precache.safeMode }),
    }),
  };
  return unit;
}

