import type { MetaStore } from '../core/meta-store.js';

/**
 * A real meta store whose reads wait until `release()`: storage that answers late, as a worker's
 * first reads do after the browser restarted it.
 */
export function lateMeta(meta: MetaStore): { meta: MetaStore; release(): void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    meta: { ...meta, get: (key) => released.then(() => meta.get(key)) },
    release,
  };
}
