// The page side of `cache-hit`: what the row runs in the page (`page.evaluate` sends each
// function's source, so none of them may use anything from outside itself).

/** Entries in the caches whose names start with `prefix` (never creates a cache). */
export const cacheEntries = async (prefix) => {
  let n = 0;
  for (const name of await caches.keys()) if (name.startsWith(prefix)) n += (await (await caches.open(name)).keys()).length;
  return n;
};

/** Fetches every URL and reads each body to the end; resolves `{ bytes, statuses }` (untimed). */
export const fetchAll = async (urls) => {
  const responses = await Promise.all(urls.map((u) => fetch(u).then(async (r) => ({ status: r.status, n: (await r.arrayBuffer()).byteLength }))));
  return { bytes: responses.reduce((s, r) => s + r.n, 0), notOk: responses.filter((r) => r.status !== 200).length };
};

/** The timed batch. Resource timings are cleared first so the worker check sees only this batch. */
export const timedBatch = async (urls) => {
  performance.setResourceTimingBufferSize(urls.length + 50);
  performance.clearResourceTimings();
  const t0 = performance.now();
  const sizes = await Promise.all(urls.map((u) => fetch(u).then((r) => r.arrayBuffer()).then((b) => b.byteLength)));
  const ms = performance.now() - t0;
  const entries = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch');
  return {
    ms,
    bytes: sizes.reduce((s, n) => s + n, 0),
    viaWorker: entries.filter((e) => e.workerStart > 0).length,
    // Resource Timing's static-routing fields (Chromium): the source a static route matched.
    staticRouted: entries.filter((e) => e.workerMatchedSourceType === 'cache').length,
    routingReported: entries.some((e) => typeof e.workerMatchedSourceType === 'string'),
    entries: entries.length,
  };
};
