/** The prefix of every cache, header and message Shellac owns, so one glance tells what is ours. */
export const PREFIX = 'shellac';

/** The precache manifest's file name (also `FILES.manifest`; alone so a bundle can take just it). */
export const MANIFEST_FILE = 'shellac-manifest.json';

/** The worker script's file name (also `FILES.worker`; alone so a bundle can take just it). */
export const WORKER_FILE = 'sw.js';

/** Names the build gives to the files it writes next to the site. */
export const FILES = {
  worker: WORKER_FILE,
  client: 'shellac.js',
  manifest: MANIFEST_FILE,
  offline: 'offline.html',
  /** App mode: source name → hashed URL of every static file, for the server's `asset()`. */
  assets: 'shellac-assets.json',
  /** App mode: the shell loader script (content fetching, swapping, link interception). */
  shellClient: 'shellac-shell.js',
  /** With `save`: the pages' side of save for offline (the API and the save buttons). */
  saveClient: 'shellac-save.js',
  /**
   * Beside `shellac.js`: the rest of `clearOfflineData()`, an ES module the page loads only when
   * the worker did not clear (no worker, no answer, or a failure to report).
   */
  clearClient: 'shellac-clear.js',
} as const;

/** The page under the scope where the worker tells its state (`?json`: as JSON). */
export const STATE_PATH = '__shellac/state';

/**
 * Reserved path segment under the scope for keys that are not real URLs (precache bodies by hash,
 * meta records) and for the pages the worker answers itself (`__shellac/state`).
 */
export const RESERVED_PATH = '__shellac/';
