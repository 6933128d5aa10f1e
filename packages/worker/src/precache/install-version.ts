import type { Manifest, ManifestEntry, UpdateFailure } from '@shellac/protocol';
import { putWithRoom } from '../caches/put-with-room.js';
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
  manifest: Manifest;
  manifestUrl: URL;
  scope: URL;
  concurrency: number;
  timeout: number;
  /** Use the pack (first installs: nothing of this scope is held yet). */
  pack: boolean;
  onQuotaExceeded?: ((bytes: number) => Promise<unknown>) | undefined;
  log: Log;
}

/**
 * Fetches every entry of a manifest the cache does not hold yet, each verified before it is
 * stored, a few at a time. Throws `precache-failed` listing every file that failed, and why; the
 * files that did arrive stay, so the next try fetches only the rest.
 */
export async function installVersion(options: InstallOptions): Promise<InstallReport> {
  const { cache, manifest, manifestUrl, scope } = options;
  const held = new Set((await cache.keys()).map((r) => r.url));
  const todo = new Map<string, ManifestEntry>();
  for (const e of manifest.entries) {
    const key = entryKey(e, manifestUrl, scope);
    if (!held.has(key)) todo.set(key, e);
  }
  const report: InstallReport = { downloaded: 0, reused: manifest.entries.length - todo.size, bytes: 0, packed: 0 };
  const store = async (key: string, entry: ManifestEntry, response: Response, type?: string) => {
    const body = await verifiedBody(entry, response, type);
    const size = Number((await body.clone().blob()).size);
    await putWithRoom(cache, key, () => body.clone(), size, options.onQuotaExceeded);
    report.bytes += size;
    todo.delete(key);
  };

  if (options.pack && manifest.pack && todo.size) {
    // One request instead of one per file; any entry it lacks or gets wrong is fetched alone below.
    try {
      const response = await fetch(new URL(manifest.pack, manifestUrl), { signal: AbortSignal.timeout(options.timeout) });
      if (!response.ok) throw `HTTP ${response.status}`;
      const files = readPack(await response.arrayBuffer(), manifestUrl);
      for (const [key, entry] of [...todo]) {
        const file = files.get(new URL(entry[0], manifestUrl).href);
        if (file) await store(key, entry, file).then(() => report.packed++, (reason) => options.log(() => `pack: ${entry[0]}: ${reason}`));
      }
    } catch (error) {
      options.log(() => `pack ${manifest.pack} not used: ${error}`);
    }
  }

  const failures: UpdateFailure[] = [];
  const queue = [...todo];
  const download = async ([key, entry]: [string, ManifestEntry]) => {
    const signal = AbortSignal.timeout(options.timeout);
    // no-cache: revalidate any HTTP-cached copy, which may be older than the manifest.
    const response = await fetch(new URL(entry[0], manifestUrl), { cache: 'no-cache', signal }).catch((e) => {
      throw signal.aborted ? 'timeout' : `network: ${e}`;
    });
    await store(key, entry, response);
    report.downloaded++;
  };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const job = next;
      await download(job).catch((reason) => failures.push({ url: job[1][0], reason: String(reason) }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker));
  options.log(() => `precache ${manifest.version} ${JSON.stringify({ ...report, failures })}`);
  if (failures.length) throw new ShellacWorkerError('precache-failed', { version: manifest.version, failures });
  return report;
}
