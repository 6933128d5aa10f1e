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
  /** Page → worker: report version and state. Answered with a {@link StatusReply}. */
  status: 'shellac:status',
  /**
   * Page → a worker that reached "installed": does it wait for a page to apply it
   * (`activate: 'waiting'`)? Answered `true` or `false`: false when it activates by itself, so a
   * page never offers it as an update. Asked instead of `status`, whose answer reads every cache.
   */
  waits: 'shellac:waits',
  /** Page → worker: check the manifest now (the page's `update()`). Answered with the {@link UpdateCheck}. */
  check: 'shellac:check',
  /** Worker → pages: this version's precache cannot be trusted; files come from the network until it is repaired. */
  safeMode: 'shellac:safe-mode',
  /** Worker → pages: the site retired its worker (its manifest is gone): caches deleted, worker unregistered. */
  retired: 'shellac:retired',
  /** Page → worker: sync the app's data now. Answered with `{ ok, synced }` (names of the sources that changed). */
  sync: 'shellac:sync',
  /**
   * Worker → pages: the server's answer for `url` arrived after the worker's render was shown
   * (`renderFirst`); `html` is the content, for the page to put in place.
   */
  fresh: 'shellac:fresh',
  /** Worker → pages: the origin's storage is full; the least recently used kept pages and files made room. */
  quota: 'shellac:quota',
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
export type WorkerMessage = UpdateFailedMessage | UserChangedMessage | SafeModeMessage | RetiredMessage | QuotaMessage | FreshMessage;

export interface ClearReply { ok: boolean; deleted: string[] }
/**
 * The reply to a message the worker could not take: a known type with the wrong fields, or a
 * request that failed. `error` says which, in words meant for the developer reading the console.
 */
export interface ErrorReply { ok: false; error: string }
/** The outcome of the worker's last look at the manifest. */
export interface UpdateCheck {
  /** When (ms since the epoch). */
  at: number;
  /**
   * `current`: the deployed manifest is this version; `newer`: another version is deployed (the
   * browser installs it); `retired`: the manifest answered 404 or 410; `error`: the server failed
   * or could not be reached (never a reason to retire).
   */
  outcome: 'current' | 'newer' | 'retired' | 'error';
  /** The HTTP status, or the network error. */
  detail?: string;
}

/** A version that could not be installed, and why. */
export interface InstallFailure {
  version: string;
  at: number;
  failures: UpdateFailure[];
}

/** One cache of the scope, as the state page shows it. */
export interface CacheState {
  /** Its name; another person's caches (there should be none) show as `another person's`. */
  name: string;
  entries: number;
  bytes: number;
}

/** What the worker says of itself: the `status` reply, and the state page (`<scope>__shellac/state?json`). */
export interface StatusReply {
  version: string;
  scope: string;
  /** The debug channel is on (answered once the remembered flag is read back). */
  debug: boolean;
  /** Why this version serves from the network, when it does. */
  safeMode?: string;
  /** The last manifest check. */
  checked?: UpdateCheck;
  /** The last install that failed. */
  installFailed?: InstallFailure;
  /** Open pages by id, with the version each is on. */
  tabs?: Record<string, string>;
  /** Every cache of the scope. */
  caches?: CacheState[];
  /** The current person's opaque tag (never an id), with identity. */
  user?: string;
  /** Saved items (with save for offline). */
  saved?: number;
  /** The recent debug log, oldest first. */
  log?: string[];
}

export interface SafeModeMessage {
  type: typeof MESSAGE.safeMode;
  reason: string;
}
export interface RetiredMessage {
  type: typeof MESSAGE.retired;
}
/** The server's content for a URL the worker's app rendered first (`renderFirst`). */
export interface FreshMessage {
  type: typeof MESSAGE.fresh;
  /** The content URL (`…?from_appshell=1`). */
  url: string;
  /** The content document, as the server sent it. */
  html: string;
}
/** The answer to `shellac:sync`: the names of the data sources that changed. */
export interface SyncReply { ok: true; synced: string[] }
export interface QuotaMessage {
  type: typeof MESSAGE.quota;
  /** The bytes a write needed. */
  bytes: number;
}
