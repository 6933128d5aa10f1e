import type { Logger } from './logger.js';
import type { Params } from './url-pattern.js';

/** What a handler gets for one request. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Params;
  /** The navigation preload response, when the browser started one for this navigation. */
  preload?: Promise<Response | undefined>;
  /** Keeps the worker alive for background work (caching a late response). */
  waitUntil(promise: Promise<unknown>): void;
  log: Logger['log'];
  /**
   * Hands the runtime a network response before it is used: the runtime reads its user tag and,
   * when it names another person, drops the previous person's caches first. Strategies call it
   * through `fromNetwork`; a handler of your own that fetches should call it too.
   */
  seen?(response: Response): Promise<void>;
}

/** Answers one request. Throwing (or rejecting) hands the request to the catch handler. */
export type Handler = (ctx: RouteContext) => Promise<Response>;

/** Answers a request whose handler failed (offline page, fallback image), or rethrows. */
export type CatchHandler = (ctx: RouteContext, error: unknown) => Promise<Response>;
