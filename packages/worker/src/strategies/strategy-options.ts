import type { Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';

/** Options shared by every strategy that reads or writes a cache. */
export interface StrategyOptions {
  cache: RuntimeCache;
  /** Which responses to keep; default: 200 basic/cors, never `no-store` (see `cacheable()`). */
  cacheable?: Cacheable;
}

/** Options of the strategies that wait on the network first. */
export interface NetworkTimeoutOptions {
  /** After this long the cached copy is served; the network response is still kept when it comes. */
  networkTimeoutSeconds?: number;
}
