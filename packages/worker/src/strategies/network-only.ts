import type { Handler } from '../routing/route-context.js';
import { fromNetwork } from './fetch-and-cache.js';

/** Always the network (navigation preload included); failures go to the catch handler. */
export function networkOnly(): Handler {
  return function networkOnlyHandler(ctx) {
    return fromNetwork(ctx);
  };
}
