// cache-hit: how long a page takes to fetch 300 assets its worker already has in a runtime cache.
// OURS: `shellac build` with no precache and a cacheFirst route for assets/* (maxEntries 1000).
// PEER: Workbox 7.4 registerRoute + CacheFirst + ExpirationPlugin({ maxEntries: 1000 }).
// LIMIT: a minimal worker whose hit is `caches.match(request)`. Extra peer: Serwist 9, set up as
// Workbox. Each contender is the same generated site with its own /sw.js, on its own server; each
// run is a fresh browser context: wait for the worker to control the page, fetch the 300 assets
// once (so they are stored), wait until the worker has stored them and its bookkeeping is written,
// then time `Promise.all` of 300 fetch()es read to the end. Contenders alternate, order rotating.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FIXTURES } from '../lib/paths.mjs';
import { median, medianRatio, summary } from '../lib/stats.mjs';
import { cpuBusy } from '../lib/machine.mjs';
import { gzipSize } from '../lib/gzip.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { cliMissing, hasCli, shellacBuild } from '../lib/shellac.mjs';
import { generateCacheHitSite, peerPage } from '../lib/cache-hit-site.mjs';
import { startStaticServer } from '../lib/cache-hit-server.mjs';

export const id = 'cache-hit';
export const what = 'median ms for a page to fetch 300 assets its worker has cached (fetch() batch)';
export const unit = 'ms';
// Issue 5: ≤ 0.7 × Workbox, and ≤ 1.1 × the minimal worker (`limit`, reported in the notes).
export const goal = { against: 'peer', max: 0.7 };
const LIMIT_GOAL = 1.1;

const MIN_RUNS = 5; // browser timings are noisy: never fewer, whatever --runs says
const SETTLE_MS = 300; // after the bookkeeping is written, for trailing work (expiry checks)
const WAIT_MS = 20_000; // longest wait for the cache or the bookkeeping to fill
const SHELLAC_CONFIG = {
  precache: [],
  routes: [{ match: 'assets/*', strategy: 'cacheFirst', cacheName: 'assets', maxEntries: 1000 }],
};

/** Bundles a worker fixture like a user's build would (esbuild, minified IIFE, production). */
async function bundleWorker(fixture) {
  const result = await build({
    entryPoints: [join(FIXTURES, fixture)], bundle: true, minify: true, format: 'iife', target: 'es2020',
    legalComments: 'none', write: false, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' },
  });
  return Buffer.from(result.outputFiles[0].contents);
}

// ---- In the page --------------------------------------------------------------------------

/** Entries in the named cache (0 when it does not exist; never creates it). */
const cacheEntries = async (name) => ((await caches.has(name)) ? (await (await caches.open(name)).keys()).length : 0);

/** Entries Workbox's / Serwist's ExpirationPlugin has written to IndexedDB (0 before the DB exists). */
const expirationEntries = async (dbName) => {
  if (!(await indexedDB.databases()).some((d) => d.name === dbName)) return 0;
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('cache-entries')) return 0;
    return await new Promise((resolve, reject) => {
      const req = db.transaction('cache-entries').objectStore('cache-entries').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
};

/** URLs in the LRU index Shellac's runtime cache persists to its meta cache (written after each store). */
const shellacIndexEntries = async ({ metaCache, key }) => {
  if (!(await caches.has(metaCache))) return 0;
  const r = await (await caches.open(metaCache)).match(new URL(key, location.href).href);
  return r ? Object.keys(await r.json()).length : 0;
};

/** Fetches every URL and reads each body to the end; resolves `{ bytes, statuses }` (untimed). */
const fetchAll = async (urls) => {
  const responses = await Promise.all(urls.map((u) => fetch(u).then(async (r) => ({ status: r.status, n: (await r.arrayBuffer()).byteLength }))));
  return { bytes: responses.reduce((s, r) => s + r.n, 0), notOk: responses.filter((r) => r.status !== 200).length };
};

/** The timed batch. Resource timings are cleared first so the worker check sees only this batch. */
const timedBatch = async (urls) => {
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
    entries: entries.length,
  };
};

// ---- Harness ------------------------------------------------------------------------------

/** Polls `fn(arg)` in the page until it returns ≥ `n`; resolves the last value (may be < n on timeout). */
async function pollAtLeast(page, fn, arg, n, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  let value = 0;
  for (;;) {
    value = await page.evaluate(fn, arg);
    if (value >= n || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One run of one contender in a fresh browser context. */
async function once(browser, c, urls, siteBytes) {
  const context = await browser.newContext();
  const phases = {};
  let tp = Date.now();
  const phase = (k) => { const t = Date.now(); phases[k] = t - tp; tp = t; };
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${c.server.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller != null);
    phase('control');
    // Warm: every asset once, through the worker, which stores it.
    const warm = await page.evaluate(fetchAll, urls);
    if (warm.notOk || warm.bytes !== siteBytes) throw new Error(`${c.name}: warm-up fetched ${warm.bytes} B (${warm.notOk} not 200), expected ${siteBytes} B`);
    phase('warm');
    const cached = await pollAtLeast(page, cacheEntries, c.cacheName, urls.length);
    phase('cached');
    if (cached < urls.length) throw new Error(`${c.name}: ${cached} of ${urls.length} assets in cache "${c.cacheName}" after ${WAIT_MS} ms`);
    // The worker's own bookkeeping (LRU index, expiration timestamps) written too, so no
    // background work from the warm-up overlaps the timed batch.
    let settled = true;
    if (c.bookkeeping) {
      const n = await pollAtLeast(page, c.bookkeeping.fn, c.bookkeeping.arg, urls.length);
      settled = n >= urls.length;
    }
    phase('bookkeeping');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    phase('settle');
    const before = c.server.requests('assets');
    const t = await page.evaluate(timedBatch, urls);
    const leaked = c.server.requests('assets') - before;
    if (leaked) throw new Error(`${c.name}: ${leaked} of the timed requests reached the server (expected all from the worker's cache)`);
    if (t.bytes !== siteBytes) throw new Error(`${c.name}: the timed batch read ${t.bytes} B, expected ${siteBytes} B`);
    if (t.entries !== urls.length || t.viaWorker !== urls.length) throw new Error(`${c.name}: ${t.viaWorker} of ${t.entries} timed fetches (expected ${urls.length}) went through the worker`);
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    if (controlled !== `${c.server.url}/sw.js`) throw new Error(`${c.name}: page controlled by ${controlled}`);
    phase('timed');
    return { ms: t.ms, settled, phases };
  } finally {
    await context.close();
  }
}

export async function run(ctx) {
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.2) ctx.log(`warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the row started: other work is running, figures will be noisy`);

  const site = join(ctx.tmp, 'site');
  const { urls, bytes: siteBytes } = generateCacheHitSite(site);
  ctx.log(`site: ${urls.length} assets, ${siteBytes.toLocaleString('en-US')} B, one page`);

  // Peers: the same site, the registration snippet in the page, their worker as /sw.js.
  const peerDir = (name, code) => {
    const dir = join(ctx.tmp, name);
    cpSync(site, dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), peerPage());
    writeFileSync(join(dir, 'sw.js'), code);
    return dir;
  };
  const workers = {
    workbox: await bundleWorker('cache-hit-workbox-sw.js'),
    serwist: await bundleWorker('cache-hit-serwist-sw.js'),
    minimal: await bundleWorker('cache-hit-minimal-sw.js'),
  };
  const contenders = [
    { name: 'workbox', dir: peerDir('workbox', workers.workbox), cacheName: 'assets', bookkeeping: { fn: expirationEntries, arg: 'workbox-expiration' } },
    { name: 'serwist', dir: peerDir('serwist', workers.serwist), cacheName: 'assets', bookkeeping: { fn: expirationEntries, arg: 'serwist-expiration' } },
    { name: 'minimal', dir: peerDir('minimal', workers.minimal), cacheName: 'assets' },
  ];
  let buildLog = null;
  if (hasCli()) {
    // Shellac's own CLI, as users run it. Its page gets the registration script from the build.
    const config = join(ctx.tmp, 'shellac.config.json');
    writeFileSync(config, JSON.stringify(SHELLAC_CONFIG, null, 2));
    const out = join(ctx.tmp, 'shellac-out');
    mkdirSync(out, { recursive: true });
    buildLog = (await shellacBuild(site, out, ['--config', config])).stdout.trim();
    workers.ours = readFileSync(join(out, 'sw.js'));
    contenders.unshift({
      name: 'ours', dir: out, cacheName: 'shellac:/:runtime:assets',
      bookkeeping: { fn: shellacIndexEntries, arg: { metaCache: 'shellac:/:meta', key: '/__shellac/meta/shellac:/:runtime:assets' } },
    });
  } else {
    ctx.log("Shellac's CLI is not built: measuring the peers only");
  }

  const names = contenders.map((c) => c.name);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const unsettled = Object.fromEntries(names.map((n) => [n, 0]));
  const phases = Object.fromEntries(names.map((n) => [n, []]));
  const runs = Math.max(MIN_RUNS, ctx.runs);
  let browser;
  const servers = [];
  // Playwright inspects the network of every service worker it attaches to (an event per request
  // the worker makes). The row reads none of it; turning it off spares the harness that work
  // during the warm-up. Read when a worker attaches, restored when the row ends.
  const swNetworkEnv = process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
  try {
    for (const c of contenders) servers.push((c.server = await startStaticServer(c.dir)));
    browser = await launchChromium();
    const t0 = Date.now();
    for (let w = 0; w < ctx.warmup; w++) for (const c of contenders) await once(browser, c, urls, siteBytes);
    for (let i = 0; i < runs; i++) {
      const order = contenders.slice(i % contenders.length).concat(contenders.slice(0, i % contenders.length));
      const line = [];
      for (const c of order) {
        const r = await once(browser, c, urls, siteBytes);
        samples[c.name].push(r.ms);
        phases[c.name].push(r.phases);
        if (!r.settled) unsettled[c.name]++;
        line.push(`${c.name} ${r.ms.toFixed(1)}`);
      }
      ctx.log(`run ${i + 1}/${runs} (ms): ${line.join(', ')}`);
    }
    ctx.log(`browser part: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await browser?.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
    if (swNetworkEnv === undefined) delete process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
    else process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = swNetworkEnv;
  }
  for (const [n, k] of Object.entries(unsettled)) {
    if (k) ctx.log(`warning: ${n}: its bookkeeping did not reach ${urls.length} entries within ${WAIT_MS} ms in ${k} run(s) (timed anyway)`);
  }

  const s = Object.fromEntries(names.map((n) => [n, summary(samples[n], 1)]));
  const ratio = (a, b) => medianRatio(s, a, b);
  const ratios = {
    oursOverWorkbox: ratio('ours', 'workbox'),
    oursOverLimit: ratio('ours', 'minimal'),
    oursOverSerwist: ratio('ours', 'serwist'),
    serwistOverWorkbox: ratio('serwist', 'workbox'),
    limitOverWorkbox: ratio('minimal', 'workbox'),
  };
  const verdict = (r, max) => (r == null ? 'not measured' : r <= max ? 'met' : 'MISSED');
  const result = {
    ours: s.ours?.median ?? null,
    peer: s.workbox.median,
    limit: s.minimal.median,
    runs,
    min: { ours: s.ours?.min ?? null, peer: s.workbox.min },
    max: { ours: s.ours?.max ?? null, peer: s.workbox.max },
    peers: { serwist: s.serwist, minimal: s.minimal },
    details: {
      cpuBusyBefore: busyBefore,
      site: { assets: urls.length, bytes: siteBytes },
      ratios,
      goals: {
        againstPeer: { max: goal.max, ratio: ratios.oursOverWorkbox, met: ratios.oursOverWorkbox == null ? null : ratios.oursOverWorkbox <= goal.max },
        againstLimit: { max: LIMIT_GOAL, ratio: ratios.oursOverLimit, met: ratios.oursOverLimit == null ? null : ratios.oursOverLimit <= LIMIT_GOAL },
      },
      samples: Object.fromEntries(names.map((n) => [n, s[n].samples])),
      workerBytes: Object.fromEntries(Object.entries(workers).map(([n, b]) => [n, { bytes: b.length, gzip: gzipSize(b) }])),
      shellacConfig: SHELLAC_CONFIG,
      shellacBuild: buildLog,
      unsettledRuns: unsettled,
      // Medians per step of one run (ms, wall time in the harness): the worker taking control,
      // the warm-up pass, the cache reaching 300 entries, the worker's bookkeeping catching up,
      // the fixed settle, and the timed step (the batch plus the checks around it).
      phasesMs: Object.fromEntries(names.map((n) => [n, Object.fromEntries(Object.keys(phases[n][0] ?? {}).map((k) => [k, Math.round(median(phases[n].map((p) => p[k])))]))])),
      warmupRunsPerContender: ctx.warmup,
      notes: [
        `goal against Workbox: ours ÷ workbox = ${ratios.oursOverWorkbox ?? '—'} (goal ≤ ${goal.max}): ${verdict(ratios.oursOverWorkbox, goal.max)}`,
        `goal against the limit: ours ÷ minimal = ${ratios.oursOverLimit ?? '—'} (goal ≤ ${LIMIT_GOAL}): ${verdict(ratios.oursOverLimit, LIMIT_GOAL)}`,
        `serwist ÷ workbox = ${ratios.serwistOverWorkbox ?? '—'}; minimal ÷ workbox = ${ratios.limitOverWorkbox ?? '—'}`,
        `time for one page to fetch() ${urls.length} assets (${siteBytes.toLocaleString('en-US')} B) at once and read every body, all answered by the worker from its runtime cache; fresh browser context per run, after one warm-up pass stored them`,
        `ours = shellac build with "precache": [] and a cacheFirst route for assets/* (maxEntries 1000); peer = Workbox 7.4 CacheFirst + ExpirationPlugin({ maxEntries: 1000 }); limit = a fetch listener doing caches.match, network + put on a miss; serwist = Serwist 9 CacheFirst + ExpirationPlugin`,
        `checked outside the timing: zero asset requests reached the server during the timed batch, every timed fetch has workerStart > 0, and the bytes read equal the site's`,
      ],
    },
  };
  if (!s.ours) throw cliMissing(result);
  return result;
}
