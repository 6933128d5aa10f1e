import type { ManifestEntry } from './manifest.js';
/** The strategies a route can name in configuration. */
export type StrategyName = 'networkOnly' | 'cacheOnly' | 'cacheFirst' | 'staleWhileRevalidate' | 'networkFirst';

/** Limits for one runtime or pages cache; any may be left out. */
export interface ExpirationConfig {
  maxEntries?: number;
  maxAgeSeconds?: number;
  maxBytes?: number;
}

/** A route as JSON configuration states it (the worker API also takes RegExps and functions). */
export interface RouteConfig extends ExpirationConfig {
  /** URL pattern relative to the scope: `lessons/:id`, `api/*`, or an absolute same-origin path. */
  match: string;
  strategy: StrategyName;
  /** Runtime cache name (letters, digits, `-`, `_`); defaults to one made from `match`. */
  cacheName?: string;
  destination?: string;
  networkTimeoutSeconds?: number;
  /** Cache opaque (cross-origin, no-CORS) responses. Off by default: their size and status are hidden. */
  cacheOpaque?: boolean;
  /** Statuses worth caching; default `[200]`. */
  statuses?: number[];
  /**
   * The cache holds one person's responses: it is kept per user tag and deleted when another
   * person signs in or the person signs out.
   */
  perUser?: boolean;
}

/** Settings for the cumulative pages cache (navigations). */
export interface PagesConfig extends ExpirationConfig {
  networkTimeoutSeconds?: number;
}

/** App-shell mode: every allowed navigation is answered with the cached shell at once. */
export interface AppShellConfig {
  /** The shell's URL (default `/__shell`), rendered by the server. */
  url?: string;
  /** Path patterns of navigations that get the shell (default: every navigation in scope). */
  allow?: string[];
  /** Path patterns of navigations that never do (checked after `allow`). */
  deny?: string[];
  /** Past this age the shell is fetched again before use, with the old one as offline fallback. Default 1 day. */
  maxAgeSeconds?: number;
  /** How long the shell's content request waits for the network before the cached copy. Default 4. */
  contentTimeoutSeconds?: number;
  /**
   * The shell holds per-user data (a name in the header, say): it is then dropped when the person
   * changes, and a shell stored for someone else is never shown. Default false: keep the shell
   * free of per-user data, so one copy serves everyone.
   */
  perUser?: boolean;
}

/** Sign-out paths a worker watches by default (relative to its scope); see {@link IdentityConfig.logout}. */
export const LOGOUT_PATHS: readonly string[] = ['logout', 'logout/', 'signout', 'sign_out', 'accounts/logout/', 'users/sign_out'];

/** Identity: who the worker's per-person caches belong to (see `X-Shellac-User`). */
export interface IdentityConfig {
  /**
   * Path patterns of sign-out requests. A non-GET request to one of them, once it has gone
   * through, switches the worker to `anonymous` at once, before any page loads: a logout usually
   * answers with a redirect, whose headers a worker cannot read. Paths are exact, relative to the
   * scope unless they start with `/`. Default {@link LOGOUT_PATHS}; `[]` turns it off (then
   * the next tagged response does it).
   */
  logout?: string[];
}

/** Save for offline: people choose pages to keep on the device, with everything they need. */
export interface SaveConfig {
  /** Files fetched at once for one save. Default 4. */
  concurrency?: number;
  /** URLs kept with every saved page, relative to the scope (an "on this device" page, say). */
  also?: string[];
}

/** A JSON endpoint the app in the worker reads, kept in sync by the worker. */
export interface DataSourceConfig {
  /** What the app reads it by: `data.read('lessons')`. */
  name: string;
  /** Its URL, relative to the scope: it should answer JSON with an ETag. */
  url: string;
  /** One person's data (their practice list): kept per person, dropped when the person changes. */
  perUser?: boolean;
}

/** The app inside the worker: the same routes and templates render offline. */
export interface WorkerAppConfig {
  /** The data the app reads, synced at install, on navigations and on demand. */
  data?: DataSourceConfig[];
  /**
   * Render first, the server's answer fetched behind it and put in its place ("render old, get
   * new"). Default false: the network first, the worker's render when it fails or is slow.
   */
  renderFirst?: boolean;
  /** Least seconds between two syncs on navigations. Default 600. */
  syncSeconds?: number;
}

/** What `shellac build` bakes into `sw.js`. */
export interface WorkerConfig {
  /**
   * Manifest version, baked into sw.js (so a changed manifest changes sw.js's bytes and the
   * browser sees an update) and sent as `?v=` when the manifest at its plain URL is another version's.
   */
  version: string;
  /** Manifest URL relative to the worker script. Default `shellac-manifest.json`. */
  manifest?: string;
  /**
   * The manifest's entries, when `sw.js` carries them (`shellac build` inlines them when that
   * sends fewer bytes than the manifest's own response): the worker installs from these, and
   * fetches the manifest file only to look for updates.
   */
  entries?: ManifestEntry[];
  /**
   * With `entries`: the manifest's `pack`. Left out when it is the version's own name
   * (`versionPack`: the worker derives it); `false` when there is none.
   */
  pack?: string | false;
  /** With `entries`: the manifest's `hashedFolders`. */
  hashedFolders?: string[];
  /**
   * Offline page URL relative to the worker script (precached); `''` for none. The runtime
   * `shellac build` bundles takes `offline.html` when `sw.js` says nothing.
   */
  offlinePage?: string;
  /** Fallback image URL relative to the worker script (precached). */
  offlineImage?: string;
  pages?: PagesConfig | false;
  routes?: RouteConfig[];
  /** Serve `dir/` from the precached `dir/<directoryIndex>` (the pages cache keys on the URL as visited). */
  directoryIndex?: string;
  /** Activate a new version as soon as it is installed, rather than when every tab has closed. */
  activate?: 'immediately' | 'waiting';
  precacheConcurrency?: number;
  debug?: boolean;
  appShell?: AppShellConfig;
  /** Keep each person's pages apart (the pages cache, `perUser` routes, a per-user shell). */
  identity?: IdentityConfig;
  /** Save for offline (the worker's saved unit, and `shellac-save.js` for the pages). */
  save?: SaveConfig;
  /** The app inside the worker (its code is bundled into the runtime by `shellac build --app`). */
  app?: WorkerAppConfig;
  /** The state page at `<scope>__shellac/state` (default on; `false` turns it off). */
  statePage?: boolean;
  /** Least seconds between two looks at the manifest on navigations (a page's `update()` looks at once). Default 300. */
  checkSeconds?: number;
}
