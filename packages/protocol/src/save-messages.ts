/**
 * Messages of "save for offline" between pages and the worker. Apart from `MESSAGE` so that a
 * bundle without saving carries none of them. Requests are answered on their MessageChannel port.
 */
export const SAVE_MESSAGE = {
  /** Page → worker: save these pages (and what they need) for the current person. Answered with a {@link SaveReply}. */
  save: 'shellac:save',
  /** Page → worker: stop a save; what it had fetched is not stored. Answered with `{ ok }`. */
  cancel: 'shellac:save-cancel',
  /** Page → worker: the current person's saved items. Answered with a {@link SavedListReply}. */
  list: 'shellac:saved',
  /** Page → worker: remove one saved item (and the files no other item needs). Answered with `{ ok, removed }`. */
  remove: 'shellac:unsave',
  /** Page → worker: remove every saved item of the current person. Answered with `{ ok, removed }`. */
  clear: 'shellac:clear-saved',
  /** Worker → every page: how a save is going (so a second tab shows the same progress). */
  progress: 'shellac:save-progress',
  /** Worker → every page: the saved list changed (saved, removed, cleared, or dropped with its person). */
  changed: 'shellac:saved-changed',
} as const;

/** One saved item: a page and everything it needs offline. */
export interface SavedItem {
  /** The page's URL, as asked for (without its fragment). */
  url: string;
  /** Its title when it was saved. */
  title: string;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
  /** Bytes stored for it, shared files counted in full. */
  bytes: number;
  /** Files stored for it (the page included). */
  files: number;
}

/** Why a save failed. */
export type SaveErrorCode =
  /** A file answered with an error status (`status`). */
  | 'http'
  /** The network failed for a file. */
  | 'network'
  /** Not enough storage: `needed` bytes, `available` bytes left (absent when a write was refused although the estimate showed room). */
  | 'quota'
  /** The page asked to stop. */
  | 'cancelled'
  /** The URL is not a page of this scope, or the page is not HTML. */
  | 'bad-url'
  /** The person changed while saving: what was fetched was theirs, so it was not stored. */
  | 'user-changed';

/** A save that did not happen, with where and why; nothing of the item was stored. */
export interface SaveFailure {
  code: SaveErrorCode;
  /** The item's page. */
  url: string;
  /** The file that failed (the page itself or one of its files). */
  file?: string;
  status?: number;
  needed?: number;
  available?: number;
  /** In words, for the developer's console. */
  message: string;
}

/** How far one item of a save is. */
export type SaveState = 'saving' | 'saved' | 'failed' | 'cancelled';

export interface SaveMessage {
  type: typeof SAVE_MESSAGE.save;
  /** Chosen by the page, unique per save: progress messages carry it. */
  id: string;
  /** The pages to save, relative to the scope or absolute (same origin). */
  urls: string[];
  /** More URLs to keep with each page (beside what its HTML references). */
  also?: string[];
  /**
   * Fetch the files with Background Fetch, which goes on when the tab closes: the worker plans
   * each item and answers with what to fetch ({@link SaveReply.background}); the page starts the
   * fetches (a worker may not), and the worker stores each item whole when its fetch succeeds.
   */
  background?: boolean;
}

/** One item planned for Background Fetch: the page starts `registration.backgroundFetch.fetch(id, requests)`. */
export interface BackgroundSave {
  /** The Background Fetch id (also the id of this item's progress messages). */
  id: string;
  url: string;
  title: string;
  /** Every file of the item, the page first. */
  requests: string[];
}

export interface SaveProgressMessage {
  type: typeof SAVE_MESSAGE.progress;
  id: string;
  /** The item this is about. */
  url: string;
  state: SaveState;
  files: { done: number; total: number };
  /** `total` counts the sizes the server announced (Content-Length), so it may grow as files arrive. */
  bytes: { done: number; total: number };
  item?: SavedItem;
  error?: SaveFailure;
}

export interface SaveReply {
  ok: boolean;
  /** What was saved. */
  items: SavedItem[];
  /** What was not, one per failed item. */
  errors: SaveFailure[];
  /** With `background`: the fetches the page is to start, one per planned item. */
  background?: BackgroundSave[];
}

export interface SavedListReply {
  ok: true;
  items: SavedItem[];
}

export interface SavedChangedMessage {
  type: typeof SAVE_MESSAGE.changed;
}
