import { RESERVED_PATH, type Manifest, type ManifestEntry, type UpdateFailure } from '@shellac/protocol';
import { putWithRoom } from '../caches/put-with-room.js';
import type { Log } from '../core/logger.js';
import { ShellacWorkerError } from '../errors.js';

export interface PrecacheOptions {
  /** Cache that holds every precached body, keyed by content hash, whatever the version. */
  cacheName: string;
  version: string;
  /** Where the manifest is; entry URLs are relative to it. */
  manifestUrl: URL;
  /** Registration scope: reserved keys live under it. */
  scope: URL;
  concurrency?: number;
  /** Per-file download limit. */
  timeoutSeconds?: number;
  /** Serve `dir/` from `dir/<directoryIndex>`. */
  directoryIndex?: string;
  /** Query parameters that never change a precached file (tracking tags). */
  ignoreParams?: RegExp[];
  onQuotaExceeded?: (bytesNeeded: number) => Promise<unknown>;
  log: Log;
}

/** What an install did. */
export interface InstallReport {
  downloaded: number;
  reused: number;
  bytes: number;
}

export interface Precache {
  /** Downloads what this version lacks, verifies every hash, then records the version as complete. */
  install(): Promise<InstallReport>;
  /** After activation: deletes bodies and manifests no longer referenced by this version. */
  activate(): Promise<void>;
  /** The precached response for a URL, or undefined when it is not in this version. */
  match(url: URL): Promise<Response | undefined>;
  /** True when the URL is in this version (synchronous once `ready()` resolved). */
  has(url: URL): boolean | undefined;
  /** Undefined once this version's manifest is loaded from the cache; until then, a promise of it. */
  ready(): Promise<void> | undefined;
  reset(): void;
}

async function sha256(buffer: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A content-addressed precache. Bodies are keyed by hash, so an update downloads only the hashes
 * this scope does not hold in any version, a failed install leaves its verified downloads for the
 * next try, and a version is usable only once its manifest record is written, after every file.
 */
export function createPrecache(options: PrecacheOptions): Precache {
  const { cacheName, version, manifestUrl, scope, log } = options;
  const concurrency = options.concurrency ?? 8;
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  const ignore = options.ignoreParams ?? [/^utm_/, /^fbclid$/, /^gclid$/];
  const hashKey = (hash: string) => `${scope.href}${RESERVED_PATH}h/${hash}`;
  const manifestKey = `${scope.href}${RESERVED_PATH}manifest/${version}`;
  let lookup: Map<string, string> | undefined;
  let loading: Promise<void> | undefined;

  const normalize = (url: URL) => {
    const u = new URL(url.href);
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) if (ignore.some((re) => re.test(name))) u.searchParams.delete(name);
    return u.href;
  };
  const use = (manifest: Manifest) => {
    lookup = new Map(manifest.entries.map((e) => [normalize(new URL(e.url, manifestUrl)), e.hash]));
  };
  const hashOf = (url: URL) => {
    const href = normalize(url);
    return lookup?.get(href) ?? (options.directoryIndex && href.endsWith('/') ? lookup?.get(href + options.directoryIndex) : undefined);
  };

  const download = async (cache: Cache, entry: ManifestEntry): Promise<number> => {
    const signal = AbortSignal.timeout(timeout);
    // no-cache: revalidate any HTTP-cached copy, which may be older than the manifest.
    const response = await fetch(new URL(entry.url, manifestUrl), { cache: 'no-cache', credentials: 'same-origin', signal }).catch((e) => {
      throw signal.aborted ? 'timeout' : `network: ${e}`;
    });
    if (!response.ok) throw `HTTP ${response.status}`;
    const body = await response.arrayBuffer();
    const hash = await sha256(body);
    if (hash !== entry.hash) throw `hash ${hash}`;
    const headers = new Headers(response.headers);
    // The body is already decoded; a stale encoding or length header would misdescribe it.
    headers.delete('Content-Encoding');
    headers.delete('Content-Length');
    await putWithRoom(cache, hashKey(hash), () => new Response(body, { status: 200, headers }), body.byteLength, options.onQuotaExceeded);
    return body.byteLength;
  };

  const precache: Precache = {
    async install() {
      const response = await fetch(manifestUrl, { cache: 'no-cache' }).catch(() => undefined);
      if (!response?.ok) throw new ShellacWorkerError('bad-manifest', { url: manifestUrl.href, status: response?.status });
      // The build validated every entry; the worker checks only that this is the file of its own
      // build (a deploy that updated sw.js but not yet the manifest must not install).
      const manifest = (await response.json().catch(() => undefined)) as Manifest | undefined; // shape checked below
      if (manifest?.version !== version || !Array.isArray(manifest.entries)) {
        throw new ShellacWorkerError('bad-manifest', { url: manifestUrl.href, expected: version });
      }
      const cache = await caches.open(cacheName);
      const held = new Set((await cache.keys()).map((r) => r.url));
      const todo = new Map<string, ManifestEntry>();
      for (const e of manifest.entries) if (!held.has(hashKey(e.hash))) todo.set(e.hash, e);
      const queue = [...todo.values()];
      const failures: UpdateFailure[] = [];
      let bytes = 0;
      const worker = async () => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          const e = entry;
          // Not `bytes += await …`: that reads `bytes` before waiting, and the other workers' sums are lost.
          const size = await download(cache, e).catch((reason) => (failures.push({ url: e.url, reason: String(reason) }), 0));
          bytes += size;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      const report = { downloaded: todo.size - failures.length, reused: manifest.entries.length - todo.size, bytes };
      log(() => `precache ${version} ${JSON.stringify({ ...report, failures })}`);
      if (failures.length) throw new ShellacWorkerError('precache-failed', { version, failures });
      await cache.put(manifestKey, new Response(JSON.stringify(manifest)));
      use(manifest);
      return report;
    },
    async activate() {
      await precache.ready();
      const keep = new Set([manifestKey, ...[...(lookup?.values() ?? [])].map(hashKey)]);
      const cache = await caches.open(cacheName);
      await Promise.all((await cache.keys()).filter((r) => !keep.has(r.url)).map((r) => cache.delete(r)));
    },
    ready() {
      if (lookup) return undefined;
      return (loading ??= caches
        .open(cacheName)
        .then((c) => c.match(manifestKey))
        .then((r) => r?.json())
        // An install that finished meanwhile has set the lookup already: it wins.
        .then((m: Manifest | undefined) => void (lookup || use(m ?? { version, entries: [] })))
        .catch(() => void (lookup || use({ version, entries: [] })))
        .finally(() => (loading = undefined)));
    },
    has(url) {
      return lookup ? !!hashOf(url) : undefined;
    },
    async match(url) {
      await precache.ready();
      const hash = hashOf(url);
      return hash ? caches.open(cacheName).then((c) => c.match(hashKey(hash))) : undefined;
    },
    reset() {
      lookup = undefined;
    },
  };
  return precache;
}
