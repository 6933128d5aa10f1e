import { CONTENT_HEADER, HEADER } from '@shellac/protocol';
import type { Log } from '../core/log.js';

export interface ShellStoreOptions {
  /** The cache holding the shell: `shellac:<scope>:shell`. */
  cacheName: string;
  /** The shell's URL (`/__shell`). */
  url: URL;
  /** Past this age (ms) the shell is fetched again before use. */
  maxAge: number;
  now: () => number;
}

/** The cached shell: refreshed behind every use, fetched first when too old. */
export interface ShellStore {
  /** Fetches the shell (`If-None-Match` when one is held) and stores it; one request at a time. */
  refresh(log: Log, cached?: Response): Promise<Response | undefined>;
  /** The stored shell, if any. */
  cached(): Promise<Response | undefined>;
  /**
   * The shell to answer with: the stored one at once, refreshed behind ("render old, get new");
   * past its age, the network first, the old one when offline. `usable` rules out a shell stored
   * for someone else (a per-user shell).
   */
  respond(waitUntil: (p: Promise<unknown>) => void, log: Log, usable?: (shell: Response) => boolean): Promise<Response | undefined>;
}

/**
 * The shell's version is its hash (ETag), so a refresh that finds it unchanged costs a 304. A
 * refreshed shell is only stored, never swapped into an open page: it takes effect on the next
 * navigation, without a flash. Each copy is stamped with when it was stored or confirmed.
 */
export function createShellStore(options: ShellStoreOptions): ShellStore {
  const { cacheName, url, maxAge, now } = options;
  let refreshing: Promise<Response | undefined> | undefined;

  const store = async (response: Response) => {
    const headers = new Headers(response.headers);
    headers.set(HEADER.stored, String(now()));
    const copy = new Response(await response.blob(), { status: 200, headers });
    await (await caches.open(cacheName)).put(url, copy.clone());
    return copy;
  };

  const shells: ShellStore = {
    // One refresh at a time: ten quick navigations make one request, not ten.
    refresh: (log, cached) =>
      (refreshing ??= (async () => {
        const etag = cached?.headers.get('ETag');
        const response = await fetch(url, { cache: 'no-cache', headers: etag ? { 'If-None-Match': etag } : {} });
        if (response.status === 304 && cached) {
          log(`shell unchanged (${etag})`);
          return store(cached.clone());
        }
        if (!response.ok || response.headers.get(CONTENT_HEADER)) throw new Error(`shell: HTTP ${response.status}`);
        log(`shell ${cached ? 'refreshed' : 'stored'}: ${response.headers.get(HEADER.shell) ?? response.headers.get('ETag')}`);
        return store(response);
      })().finally(() => (refreshing = undefined))),
    cached: () => caches.open(cacheName).then((c) => c.match(url)),
    async respond(waitUntil, log, usable) {
      let cached = await shells.cached();
      if (cached && usable && !usable(cached)) cached = undefined;
      const age = cached ? now() - Number(cached.headers.get(HEADER.stored) ?? 0) : Infinity;
      if (cached && age <= maxAge) {
        // A copy: the page reads `cached` itself.
        waitUntil(shells.refresh(log, cached.clone()).catch((e) => log(`shell refresh failed: ${e}`)));
        return cached;
      }
      // Too old (or never stored): the network first, the old shell when offline.
      const fresh = await shells.refresh(log, cached).catch(() => undefined);
      log(`shell ${fresh ? 'fetched' : cached ? 'stale, offline' : 'missing'}`);
      return fresh?.clone() ?? cached;
    },
  };
  return shells;
}
