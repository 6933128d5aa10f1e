import type { WorkerConfig } from '@shellac/protocol';
import { DEFAULT_CONFIG } from './build-config.js';

/**
 * What the runtime `shellac build` bundles takes when `sw.js` says nothing: the build's own
 * defaults. `sw.js` is sent again with every update and the runtime is not (its name carries its
 * hash), so a setting left at its default costs nothing per deploy. A backend that writes every
 * setting (Django's) is unaffected: what `sw.js` says wins.
 */
export const WORKER_DEFAULTS = {
  pages: DEFAULT_CONFIG.pages,
  directoryIndex: DEFAULT_CONFIG.directoryIndex,
  activate: DEFAULT_CONFIG.activate,
  precacheConcurrency: DEFAULT_CONFIG.precacheConcurrency,
} satisfies Partial<WorkerConfig>;

/** The config without the settings that equal {@link WORKER_DEFAULTS}. */
export function withoutDefaults(config: WorkerConfig): WorkerConfig {
  const defaults: Record<string, unknown> = WORKER_DEFAULTS;
  return Object.fromEntries(Object.entries(config).filter(([key, value]) => !(key in defaults) || JSON.stringify(value) !== JSON.stringify(defaults[key]))) as WorkerConfig; // keys of a WorkerConfig, some dropped
}
