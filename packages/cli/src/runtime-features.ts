import type { StrategyName, WorkerConfig } from '@shellac/protocol';

/** What a runtime carries: only what a config uses, so a site pays for nothing else. */
export interface RuntimeFeatures {
  /** The strategies its routes name (none: no router at all). */
  strategies: StrategyName[];
  appShell: boolean;
  identity: boolean;
  save: boolean;
  /** The app inside the worker: its entry module's absolute path (bundled into the runtime). */
  app?: string | undefined;
}

/** A built runtime: its content-hashed file name and its code. */
export interface Runtime {
  name: string;
  code: string;
}

/** The features a config uses; `app`: the worker app's entry, absolute. */
export function featuresOf(config: WorkerConfig, app?: string): RuntimeFeatures {
  return {
    strategies: [...new Set((config.routes ?? []).map((r) => r.strategy))].sort(),
    appShell: !!config.appShell,
    identity: !!config.identity,
    save: !!config.save,
    ...(app && { app }),
  };
}

/** Every feature and strategy: the runtime a backend without Node ships (Django's). */
export const ALL_FEATURES: RuntimeFeatures = { strategies: ['cacheFirst', 'cacheOnly', 'networkFirst', 'networkOnly', 'staleWhileRevalidate'], appShell: true, identity: true, save: true };
