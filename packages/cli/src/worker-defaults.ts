import type { PagesConfig, WorkerConfig } from '@shellac/protocol';
import { DEFAULT_CONFIG } from './build-config.js';

/**
 * Settings whose build default the worker has of its own (`createShellac`'s `?? 8` for the
 * precache's downloads at once, `?? 3` for the pages' network timeout): neither `sw.js` nor the
 * runtime needs to carry them.
 */
export const WORKERS_OWN = { precacheConcurrency: 8, networkTimeoutSeconds: 3 };

const { networkTimeoutSeconds: _timeout, ...limits } = DEFAULT_CONFIG.pages as PagesConfig; // the build's default is an object

/**
 * What the runtime `shellac build` bundles takes when `sw.js` says nothing: the build's own
 * defaults where the worker's differ. `sw.js` is sent again with every update and the runtime is
 * not (its name carries its hash), so a setting left at its default costs nothing per deploy. A
 * backend that writes every setting (Django's) is unaffected: what `sw.js` says wins.
 */
export const RUNTIME_DEFAULTS = {
  pages: limits,
  offlinePage: DEFAULT_CONFIG.offlinePage,
  directoryIndex: DEFAULT_CONFIG.directoryIndex,
  activate: DEFAULT_CONFIG.activate,
} satisfies Partial<WorkerConfig>;

/** The build's defaults `sw.js` leaves out: the runtime's, and the worker's own. */
const LEFT_OUT: Record<string, unknown> = { ...RUNTIME_DEFAULTS, pages: DEFAULT_CONFIG.pages, precacheConcurrency: DEFAULT_CONFIG.precacheConcurrency };

/** The config without the settings at the build's defaults, which the runtime or the worker supply. */
export function withoutDefaults(config: WorkerConfig): WorkerConfig {
  return Object.fromEntries(Object.entries(config).filter(([key, value]) => !(key in LEFT_OUT) || JSON.stringify(value) !== JSON.stringify(LEFT_OUT[key]))) as WorkerConfig; // keys of a WorkerConfig, some dropped
}
