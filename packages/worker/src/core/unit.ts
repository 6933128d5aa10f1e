import type { CacheNameParts } from '@shellac/protocol';
import type { Handler, RouteContext } from '../routing/route-context.js';
import type { Params } from '../routing/url-pattern.js';

/** The route a unit gives one request. */
export interface Route {
  /** What the debug channel prints: `precache`, `pages`, `shell`, a route's pattern. */
  name: string;
  handler: Handler;
  params?: Params;
  /**
   * In app-shell mode the navigation preload asks for the content alone, so only a route marked
   * so may have it; otherwise every navigation route does.
   */
  contentPreload?: boolean;
}

/** What the event behind a request gives its answer. */
export interface FetchEnv {
  /** The navigation preload response (`FetchEvent.preloadResponse`). */
  preload?: Promise<Response | undefined> | undefined;
  /** Keeps the worker alive for work after the answer (`FetchEvent.waitUntil`). */
  waitUntil(promise: Promise<unknown>): void;
  /** The page that asked, and the page a navigation makes. */
  clientId?: string;
  resultingClientId?: string;
}

/** Reads a network response before anyone uses it (identity: is it someone else's?). */
export type Observe = (response: Response) => Promise<void>;

/**
 * A page message's handler: the message in, the reply out (undefined: nothing to reply). Throwing
 * or rejecting replies `{ ok: false, error }`, so a bad message never breaks the worker.
 */
export type MessageHandler = (message: Record<string, unknown>) => unknown;

/**
 * One feature of the runtime. The core asks each unit in turn to route a request; the lifecycle
 * asks each to install, activate and name the caches it keeps; the dispatcher hands each its
 * messages. A unit knows nothing of its siblings: what it needs from them it is given when made.
 */
export interface Unit {
  /** The route for a request; undefined leaves it to the next unit; false hands it to the browser. */
  route?(request: Request, url: URL, env?: FetchEnv): Route | false | undefined;
  /** Sees every request the core takes, before routing (a navigation pins its page's version). */
  arrive?(request: Request, url: URL, env: FetchEnv): void;
  /** A better answer when the request's handler failed, or undefined for the next unit to try. */
  recover?(ctx: RouteContext, error: unknown): Promise<Response | undefined>;
  /** Undefined once the unit can route synchronously; until then, what to wait for. */
  ready?(): Promise<unknown> | undefined;
  /** Work this version needs before it may activate; a rejection fails the install. */
  install?(event?: ExtendableEvent): Promise<unknown>;
  /** Work when this version takes over. */
  activate?(): Promise<unknown>;
  /** True for the caches of this scope the unit still uses; the others go at activation. */
  keeps?(cache: CacheNameParts): boolean;
  /** Forgets in-memory state after every cache of the scope was deleted. */
  reset?(): void;
  /** The page messages this unit answers, by type. */
  messages?: Record<string, MessageHandler>;
  /** What this unit tells of its state (the `status` reply), once its state is loaded. */
  state?(): Promise<Record<string, unknown>>;
  /** Other events of the worker this unit listens to (Background Fetch's), by type. */
  events?: Record<string, (event: ExtendableEvent) => void>;
}
