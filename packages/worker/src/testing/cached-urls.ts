/** The URLs a cache holds, sorted, as paths with their query (`/lessons/1?x=1`). */
export async function cachedUrls(cacheName: string): Promise<string[]> {
  const keys = await (await caches.open(cacheName)).keys();
  return keys.map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
}
