import { RESERVED_PATH, type Manifest } from '@shellac/protocol';
import type { Log } from '../core/log.js';
import type { MetaStore } from '../core/meta-store.js';
import { fetchManifest } from './fetch-manifest.js';
import { installVersion, type InstallReport } from './install-version.js';
import { staticRoutePaths } from './static-route-paths.js';
import { entryKey, verifiedBody } from './verify-entry.js';

export type { InstallReport };

export interface PrecacheOptions {
  /** The cache holding every precached body of the scope, whatever the version. */
  cacheName: string;
  version: string;
  /** Where the manifest is; entry URLs are relative to it. */
  manifestUrl: URL;
  /** The manifest as `sw.js` carries it, when inlined: installed from, never fetched. */
  inline?: Manifest | undefined;
  /** Registration scope: reserved keys live under it. */
  scope: URL;
  /** Where open pages' versions are remembered across restarts. */
  meta: MetaStore;
  concurrency?: number | undefined;
  /** Per-file download limit. */
  timeoutSeconds?: number | undefined;
  /** Serve `dir/` from `dir/<directoryIndex>`. */
  directoryIndex?: string | undefined;
  /** Query parameters that never change a precached file (tracking tags). */
  ignoreParams?: RegExp[];
  onQuotaExceeded?: (bytesNeeded: number) => Promise<unknown>;
  log: Log;
}

/** Why this version's precache is not trusted (the worker then serves from the network). */
export type SafeModeReason = 'manifest-unreadable' | 'files-missing';

export interface Precache {
  readonly version: string;
  /** Downloads what this version lacks, verifies each file, then records the version as complete. */
  install(): Promise<InstallReport>;
  /**
   * Keeps the versions open pages use (`live`: their ids), deletes the rest. With `released`, only
   * the files of the versions closed pages were the last to use, and no others: a newer version
   * may be installing (a navigation's look, where activation cleans up whole).
   */
  prune(live: string[], released?: boolean): Promise<void>;
  /** The precached response for a URL in the version of `client` (this one when unpinned), or undefined. */
  match(url: URL, client?: string): Promise<Response | undefined>;
  /** True when the URL is in that version (synchronous once `ready()` resolved); false in safe mode. */
  has(url: URL, client?: string): boolean | undefined;
  /** Puts back a missing file from a network response, once it proved to be the entry's. */
  restore(url: URL, response: Response, client?: string): Promise<void>;
  /** A page loaded under this version keeps getting its files after a newer version activates; resolves once remembered. */
  pin(client: string): Promise<void>;
  /** Undefined once the versions are loaded from the cache; until then, a promise of it. */
  ready(): Promise<void> | undefined;
  /** Set when this version's precache cannot be trusted; cleared by a complete `install()`. */
  readonly safeMode: SafeModeReason | undefined;
  /** Which version each open page is on. */
  pins(): Record<string, string>;
  /**
   * After `install()`: the same-origin paths the browser may answer from the precache without the
   * worker (static routes), as URL-pattern pathnames. The manifest's hashed folders whole
   * (`/assets/*`), and every other file whose name carries its hash on its own.
   */
  routed(): string[];
  reset(): void;
}

type Lookup = Map<string, string>;
const PINS = 'pins';

/**
 * A content-addressed precache that keeps more than one version: a page stays on the version it
 * loaded with (lazily loaded scripts included) after a newer one activates, until it closes.
 * Bodies are stored once (by hash, or by their own URL for hashed names), so versions share them
 * and an update downloads only what changed; a version is usable only once its manifest record is
 * written, after every file.
 */
export function createPrecache(options: PrecacheOptions): Precache {
  const { cacheName, version, manifestUrl, scope, meta, log } = options;
  const ignore = options.ignoreParams ?? [/^utm_/, /^fbclid$/, /^gclid$/];
  const recordPrefix = `${scope.href}${RESERVED_PATH}manifest/`;
  const hashPrefix = `${scope.href}${RESERVED_PATH}h/`;
  const open = () => caches.open(cacheName);
  let versions: Map<string, Lookup> | undefined;
  let pinned = new Map<string, string>();
  let safeMode: SafeModeReason | undefined;
  let loading: Promise<void> | undefined;
  let installing = false;
  let installed: Manifest | undefined;

  const normalize = (url: URL) => {
    const u = new URL(url.href);
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) if (ignore.some((re) => re.test(name))) u.searchParams.delete(name);
    return u.href;
  };
  const lookupOf = (manifest: Manifest): Lookup => new Map(manifest.entries.map((e) => [normalize(new URL(e[0], manifestUrl)), entryKey(e, manifestUrl, scope)]));
  const keyOf = (url: URL, client?: string) => {
    const v = (client && pinned.get(client)) || version;
    if (v === version && safeMode) return undefined;
    const lookup = versions?.get(v) ?? versions?.get(version);
    const href = normalize(url);
    return lookup?.get(href) ?? (options.directoryIndex && href.endsWith('/') ? lookup?.get(href + options.directoryIndex) : undefined);
  };
  const savePins = () => meta.put(PINS, Object.fromEntries(pinned)).catch(() => {});
  // Pages the previous version pinned while this one installed are only in the meta store (the
  // browser may hand this version their requests before its activate event): read once a page.
  const looked = new Set<string>();
  const unknown = (client?: string): client is string => !!client && !pinned.has(client) && !looked.has(client);
  const learn = async (client?: string) => {
    if (!unknown(client)) return;
    looked.add(client);
    const saved = (await meta.get<Record<string, string>>(PINS))?.[client];
    if (saved && versions?.has(saved)) pinned.set(client, saved);
  };

  const load = async () => {
    const cache = await open();
    const keys = (await cache.keys()).map((r) => r.url);
    const found = new Map<string, Lookup>();
    for (const key of keys.filter((k) => k.startsWith(recordPrefix))) {
      const manifest = (await cache.match(key).then((r) => r?.json()).catch(() => undefined)) as Manifest | undefined; // written by install()
      if (Array.isArray(manifest?.entries)) found.set(key.slice(recordPrefix.length), lookupOf(manifest));
    }
    pinned = new Map(Object.entries((await meta.get<Record<string, string>>(PINS)) ?? {}));
    const own = found.get(version);
    // Once this worker runs, its version was installed whole: a record that is gone or unreadable,
    // or files gone in bulk (storage pressure, DevTools), make its precache untrustworthy.
    const held = new Set(keys);
    const missing = own ? [...own.values()].filter((k) => !held.has(k)).length : 0;
    // A version installing has no record yet, and is not serving: it is not in safe mode.
    safeMode = installing ? undefined : keys.length && !own ? 'manifest-unreadable' : own && missing * 2 > own.size ? 'files-missing' : undefined;
    if (safeMode) log(() => `precache ${version}: safe mode (${safeMode}), serving from the network`);
    versions = found;
  };

  const precache: Precache = {
    version,
    get safeMode() {
      return safeMode;
    },
    async install() {
      // What the scope holds already (other versions, open pages' pins) is known before adding to it.
      installing = true;
      await precache.ready(); // never rejects
      installing = false;
      const cache = await open();
      const held = new Set((await cache.keys()).map((r) => r.url));
      const first = ![...held].some((url) => url.startsWith(recordPrefix));
      // Inlined, the manifest came in the worker's own bytes, of its build by construction: an
      // update fetches none. A first install still asks for it (HEAD): a page that registers
      // sw.js again after the site retired it (a gone manifest) must fail to install, and retire.
      const timeout = (options.timeoutSeconds ?? 30) * 1000;
      // The pack's request goes out beside that HEAD, a round trip sooner, when nothing is held
      // yet (a retry takes the pack only if it misses most); nothing is stored before the HEAD.
      const pack = first && !held.size && options.inline?.pack ? fetch(new URL(options.inline.pack, manifestUrl), { signal: AbortSignal.timeout(timeout) }) : undefined;
      pack?.catch(() => {}); // read below, or dropped with the install's failure
      const manifest = (!first && options.inline) || (await fetchManifest(manifestUrl, version, options.inline));
      const report = await installVersion({ ...options, cache, held, manifest, concurrency: options.concurrency ?? 8, timeout, pack: first && (pack ?? true) });
      await cache.put(recordPrefix + version, new Response(JSON.stringify(manifest)));
      (versions ??= new Map()).set(version, lookupOf(manifest));
      installed = manifest;
      safeMode = undefined;
      return report;
    },
    async prune(live, released) {
      await precache.ready();
      const before = new Set(pinned.values());
      // At activation, pins the previous version made while this one installed are kept.
      const saved = released ? [] : Object.entries((await meta.get<Record<string, string>>(PINS)) ?? {});
      pinned = new Map([...saved, ...pinned].filter(([client]) => live.includes(client)));
      const kept = new Set([version, ...pinned.values()]);
      const gone = [...(versions?.keys() ?? [])].filter((v) => !kept.has(v) && (!released || before.has(v)));
      if (released && !gone.length) return;
      await savePins();
      const needed = new Set([...kept].flatMap((v) => [recordPrefix + v, ...(versions?.get(v)?.values() ?? [])]));
      // Released: only the keys of the versions let go (a newer version may be adding its own).
      const theirs = new Set(gone.flatMap((v) => [recordPrefix + v, ...versions!.get(v)!.values()])); // gone holds loaded versions only
      gone.forEach((v) => versions!.delete(v));
      const cache = await open();
      await Promise.all((await cache.keys()).filter((r) => !needed.has(r.url) && (!released || theirs.has(r.url))).map((r) => cache.delete(r)));
    },
    ready() {
      if (versions) return undefined;
      return (loading ??= load()
        .catch(() => void (versions ??= new Map()))
        .finally(() => (loading = undefined)));
    },
    has(url, client) {
      if (!versions) return undefined;
      // A page not seen yet may be on an older version that has this file: match() looks.
      return !!keyOf(url, client) || (unknown(client) && [...versions.values()].some((lookup) => lookup.has(normalize(url))));
    },
    async match(url, client) {
      await precache.ready();
      await learn(client);
      const key = keyOf(url, client);
      return key ? open().then((c) => c.match(key)) : undefined;
    },
    async restore(url, response, client) {
      const key = keyOf(url, client);
      if (!key) return;
      // The key says how to check the body: by the hash it holds, or (a hashed name) by its status.
      const hash = key.startsWith(hashPrefix) ? key.slice(hashPrefix.length) : undefined;
      const body = await verifiedBody(hash === undefined ? [url.href] : [url.href, hash], response).catch((reason) => void log(() => `${url.pathname} not restored: ${reason}`));
      if (!body) return;
      await (await open()).put(key, body.response());
      log(() => `${url.pathname} restored to the precache`);
    },
    async pin(client) {
      await precache.ready();
      if (!client || pinned.get(client) === version) return;
      pinned.set(client, version);
      await savePins();
    },
    pins: () => Object.fromEntries(pinned),
    routed: () => staticRoutePaths(versions?.get(version) ?? [], installed?.hashedFolders, manifestUrl, scope),
    reset() {
      versions = undefined;
      pinned = new Map();
      looked.clear();
      safeMode = undefined;
    },
  };
  return precache;
}
