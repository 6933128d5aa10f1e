import type { Log } from '../core/log.js';
import type { Params } from './url-pattern.js';

/** What a handler gets for one request. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Params;
  /** The navigation preload response, when the browser started one for this navigation. */
  preload?: Promise<Response | undefined> | undefined;
  /** Keeps the worker alive for background work (caching a late response). */
  waitUntil(promise: Promise<unknown>): void;
  log: Log;
  /**
   * Hands the runtime a network response before it is used: with identity, the runtime reads its
   * user tag and, when it names another person, drops the previous person's caches first.
   * Strategies call it through `fromNetwork`; a handler of your own that fetches should call it too.
   */
  observe?: ((response: Response) => Promise<void>) | undefined;
  /** The page that asked and the page a navigation makes (ids; either may be empty). */
  clientIds: string[];
}

/** Answers one request. Throwing (or rejecting) hands the request to the units that recover. */
export type Handler = (ctx: RouteContext) => Promise<Response>;

/** Answers a request whose handler failed (offline page, fallback image), or rethrows. */
export type CatchHandler = (ctx: RouteContext, error: unknown) => Promise<Response>;
