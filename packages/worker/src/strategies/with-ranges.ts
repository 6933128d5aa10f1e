import { answerRange, wholeRequest } from '../caches/answer-range.js';
import type { Handler } from '../routing/route-context.js';

/**
 * Gives a caching strategy media seeking: a `Range` request (an audio or video element seeking)
 * reaches the strategy as a request for the whole file, so the whole file is what it fetches and
 * keeps, and the part asked for is cut from it (`206`, or `416` past the end). A `206` from the
 * network is thereby never stored as if it were the file. `applyRoutes` wraps every caching
 * route with it; wrap your own routes that may serve audio or video.
 */
export function withRanges(handler: Handler): Handler {
  return async function rangeHandler(ctx) {
    if (!ctx.request.headers.has('Range')) return handler(ctx);
    return answerRange(ctx.request, await handler({ ...ctx, request: wholeRequest(ctx.request) }));
  };
}
