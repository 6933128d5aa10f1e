/** Expiration limits of one cache; any may be left out. */
export interface CacheLimits {
  maxEntries?: number;
  maxAgeSeconds?: number;
  maxBytes?: number;
}

/** What the index knows of one cached entry (times in ms since the epoch). */
export interface EntryMeta {
  stored: number;
  used: number;
  size: number;
}

/**
 * The URLs to delete so that a cache meets its limits: first every entry older than
 * `maxAgeSeconds`, then the least recently used until both the entry count and the byte total fit.
 */
export function selectEvictions(entries: Map<string, EntryMeta>, limits: CacheLimits, now: number): string[] {
  const out: string[] = [];
  const live: [string, EntryMeta][] = [];
  const maxAge = limits.maxAgeSeconds;
  for (const item of entries) {
    if (maxAge !== undefined && now - item[1].stored > maxAge * 1000) out.push(item[0]);
    else live.push(item);
  }
  let count = live.length;
  let bytes = live.reduce((sum, [, m]) => sum + m.size, 0);
  const tooMany = () => limits.maxEntries !== undefined && count > limits.maxEntries;
  const tooBig = () => limits.maxBytes !== undefined && bytes > limits.maxBytes;
  if (tooMany() || tooBig()) {
    live.sort((a, b) => a[1].used - b[1].used);
    for (const [url, meta] of live) {
      if (!tooMany() && !tooBig()) break;
      out.push(url);
      count--;
      bytes -= meta.size;
    }
  }
  return out;
}
