import type { Manifest, ManifestEntry, UpdateFailure } from '@shellac/protocol';
import { putWithRoom } from '../caches/put-with-room.js';
import { atMost } from '../core/at-most.js';
import type { Log } from '../core/log.js';
import { ShellacWorkerError } from '../errors.js';
import { readPack } from './read-pack.js';
import { entryKey, verifiedBody } from './verify-entry.js';

/** What an install did. */
export interface InstallReport {
  downloaded: number;
  reused: number;
  bytes: number;
  /** Entries that came from the pack (first installs). */
  packed: number;
}

export interface InstallOptions {
  cache: Cache;
  /** The URLs `cache` holds now (read once by the caller, which decides with them too). */
  held: ReadonlySet<string>;
  manifest: Manifest;
  manifestUrl: URL;
  scope: URL;
  concurrency: number;
  timeout: number;
  /**
   * Use the pack (first installs: nothing of this scope is held yet): true, or its response
   * already on its way.
   */
  pack: boolean | Promise<Response>;
  onQuotaExceeded?: ((bytes: number) => Promise<unknown>) | undefined;
  log: Log;
}

/**
 * Fetches every entry of a manifest the cache does not hold yet, each verified before it is
 * stored, a few at a time. Throws `precache-failed` listing every file that failed, and why; the
 * files that did arrive stay, so the next try fetches only the rest.
 */
export async function installVersion(options: InstallOptions): Promise<InstallReport> {
  const { cache, held, manifest, manifestUrl, scope } = options;
  const todo = new Map<string, ManifestEntry>();
  // The bodies the version needs, each once (entries with the same hash share one).
  const bodies = new Set<string>();
  for (const e of manifest.entries) {
    const key = entryKey(e, manifestUrl, scope);
    bodies.add(key);
    if (!held.has(key)) todo.set(key, e);
  }
  const report: InstallReport = { downloaded: 0, reused: manifest.entries.length - todo.size, bytes: 0, packed: 0 };
  const store = async (key: string, entry: ManifestEntry, response: Response, type?: string) => {
    const body = await verifiedBody(entry, response, type);
    await putWithRoom(cache, key, body.response, body.size, options.onQuotaExceeded);
    report.bytes += body.size;
    todo.delete(key);
  };

  // One request instead of one per file; any entry it lacks or gets wrong is fetched alone below.
  // Only for most of the files: a first install tried again after a failure fetches alone what
  // it still misses, not every file again.
  if (options.pack && manifest.pack && todo.size * 2 > bodies.size) {
    try {
      const response = await (options.pack === true ? fetch(new URL(manifest.pack, manifestUrl), { signal: AbortSignal.timeout(options.timeout) }) : options.pack);
      if (!response.ok) throw `HTTP ${response.status}`;
      const files = readPack(await response.arrayBuffer(), manifestUrl);
      // A few at a time, as downloads go: one by one, a first install of 300 files took about
      // 0.25 s longer (each cache write waited on the last); 4, 16 and 64 at once took the same.
      await atMost(options.concurrency, [...todo], async ([key, entry]) => {
        const file = files.get(new URL(entry[0], manifestUrl).href);
        if (file) await store(key, entry, file).then(() => report.packed++, (reason) => options.log(() => `pack: ${entry[0]}: ${reason}`));
      });
    } catch (error) {
      options.log(() => `pack ${manifest.pack} not used: ${error}`);
    }
  }

  const failures: UpdateFailure[] = [];
  const download = async ([key, entry]: [string, ManifestEntry]) => {
    const signal = AbortSignal.timeout(options.timeout);
    // no-cache: revalidate any HTTP-cached copy, which may be older than the manifest.
    const response = await fetch(new URL(entry[0], manifestUrl), { cache: 'no-cache', signal }).catch((e) => {
      throw signal.aborted ? 'timeout' : `network: ${e}`;
    });
    await store(key, entry, response);
    report.downloaded++;
  };
  await atMost(options.concurrency, [...todo], (job) => download(job).catch((reason) => void failures.push({ url: job[1][0], reason: String(reason) })));
  options.log(() => `precache ${manifest.version} ${JSON.stringify({ ...report, failures })}`);
  if (failures.length) throw new ShellacWorkerError('precache-failed', { version: manifest.version, failures });
  return report;
}
