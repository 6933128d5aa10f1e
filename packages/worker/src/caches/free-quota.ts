import type { RuntimeCache } from './runtime-cache.js';

/**
 * Frees room after a QuotaExceededError: deletes the least recently used entries across the given
 * runtime caches (never the precache) until `bytes` plus a fifth of what they hold is gone, so
 * that one retry is likely to fit and the next writes do not hit the wall at once.
 */
export async function freeQuota(caches: RuntimeCache[], bytes: number): Promise<number> {
  const all: [cache: RuntimeCache, url: string, used: number, size: number][] = [];
  for (const cache of caches) for (const [url, m] of await cache.entries()) all.push([cache, url, m.used, m.size]);
  const total = all.reduce((sum, e) => sum + e[3], 0);
  const target = bytes + total / 5;
  all.sort((a, b) => a[2] - b[2]);
  const victims = new Map<RuntimeCache, string[]>();
  let freed = 0;
  for (const [cache, url, , size] of all) {
    if (freed >= target) break;
    victims.set(cache, [...(victims.get(cache) ?? []), url]);
    freed += size;
  }
  await Promise.all([...victims].map(([cache, urls]) => cache.remove(urls)));
  return freed;
}
