/**
 * Messages between pages and the worker. Each carries `type`; requests that expect an answer are
 * sent over a MessageChannel and answered on its port.
 */
export const MESSAGE = {
  /** Page → worker: a waiting worker should activate now (the client then reloads). */
  skipWaiting: 'shellac:skip-waiting',
  /** Page → worker: delete every Shellac cache of this scope. Answered with `{ ok, deleted }`. */
  clear: 'shellac:clear',
  /** Page → worker: keep these URLs in the pages cache (pages loaded before the worker controlled them). */
  cacheUrls: 'shellac:cache-urls',
  /** Page → worker: turn the debug channel on or off. */
  debug: 'shellac:debug',
  /** Page → worker: report version and state. Answered with `{ version, scope }`. */
  status: 'shellac:status',
  /** Worker → pages: an install failed; the old version keeps serving. */
  updateFailed: 'shellac:update-failed',
  /**
   * Worker → pages: another person (or nobody) is now signed in; the previous person's caches are
   * gone and every open page should reload, unless it holds unsaved input.
   */
  userChanged: 'shellac:user-changed',
} as const;

export type MessageType = (typeof MESSAGE)[keyof typeof MESSAGE];

export interface SkipWaitingMessage { type: typeof MESSAGE.skipWaiting }
export interface ClearMessage { type: typeof MESSAGE.clear }
export interface CacheUrlsMessage { type: typeof MESSAGE.cacheUrls; urls: string[] }
export interface DebugMessage { type: typeof MESSAGE.debug; on: boolean }
export interface StatusMessage { type: typeof MESSAGE.status }

/** One asset that made an install fail, with why. */
export interface UpdateFailure { url: string; reason: string }
export interface UpdateFailedMessage {
  type: typeof MESSAGE.updateFailed;
  version: string;
  failures: UpdateFailure[];
}

/** Why the person changed: a response named someone else, or a logout request went through. */
export type UserChangeReason = 'switch' | 'logout';
export interface UserChangedMessage {
  type: typeof MESSAGE.userChanged;
  reason: UserChangeReason;
  /** True when the new person is nobody (`anonymous`). */
  anonymous: boolean;
}

export type PageMessage = SkipWaitingMessage | ClearMessage | CacheUrlsMessage | DebugMessage | StatusMessage;
export type WorkerMessage = UpdateFailedMessage | UserChangedMessage;

export interface ClearReply { ok: boolean; deleted: string[] }
/**
 * The reply to a message the worker could not take: a known type with the wrong fields, or a
 * request that failed. `error` says which, in words meant for the developer reading the console.
 */
export interface ErrorReply { ok: false; error: string }
/** What the worker says of itself. */
export interface StatusReply {
  version: string;
  scope: string;
  /** The debug channel is on (answered once the remembered flag is read back). */
  debug: boolean;
}
