// cache-hit: how long a page takes to fetch 300 hashed assets its worker has precached.
// OURS: `shellac build` with its defaults: the assets are precached under their own URLs and,
// their names carrying a hash, routed straight to the precache with the browser's Static Routing
// API (InstallEvent.addRoutes, no configuration): the fetch handler never runs for them. The build
// names assets/ a hashed folder (every file in it carries its hash), so that is one route, as
// Serwist's hand-written one is: the browser tests requests against routes one by one.
// PEER: Workbox 7.4 precacheAndRoute of the same entries (through its fetch handler).
// Extra peers: Serwist 9.5 precaching them with `requestRules` (its static routes, as its docs
// show), and a minimal worker whose hit is `caches.match(request)` (warmed by one pass).
// LIMIT (`httpCache`): no worker at all; the host serves the assets `immutable` for a year, so
// after one pass the browser's HTTP cache answers every fetch itself: what the browser alone
// costs a page for a file it holds. Beside it, `memory`: a worker answering from bytes it holds in
// memory (fixtures/cache-hit-memory-sw.js), the least a fetch handler costs (no storage read).
// Each contender is the same generated site with its own /sw.js, on its own server; each run is a
// fresh browser context: wait for the worker to control the page, fetch the 300 assets once,
// wait until the cache holds them all, then time `Promise.all` of 300 fetch()es read to the end.
// Contenders alternate, order rotating.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, medianRatio, summary } from '../lib/stats.mjs';
import { cpuBusy } from '../lib/machine.mjs';
import { gzipSize } from '../lib/gzip.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { cacheEntries, fetchAll, timedBatch } from '../lib/cache-hit-page.mjs';
import { builtWorker, cliMissing, hasCli, shellacBuild } from '../lib/shellac.mjs';
import { generateCacheHitSite, peerPage } from '../lib/cache-hit-site.mjs';
import { startStaticServer } from '../lib/cache-hit-server.mjs';
import { bundleWorker, withManifest } from '../lib/cache-hit-workers.mjs';

export const id = 'cache-hit';
export const what = 'median ms for a page to fetch 300 hashed assets its worker has precached (fetch() batch)';
export const unit = 'ms';
// Issue 13: ≤ 0.6 × Workbox and ≤ 0.9 × the minimal caches.match worker.
export const goal = { against: 'peer', max: 0.6 };
export const peerName = 'Workbox';
const LIMIT_GOAL = 0.9;
export const goals = [{ against: 'minimal', max: LIMIT_GOAL, label: 'minimal worker' }];

const MIN_RUNS = 5; // browser timings are noisy: never fewer, whatever --runs says
const SETTLE_MS = 300; // after the cache is full, for trailing work
const WAIT_MS = 20_000; // longest wait for the cache to fill

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
    if (!c.noWorker) await page.waitForFunction(() => navigator.serviceWorker.controller != null);
    phase('control');
    // Warm: every asset once, through the worker, which stores it.
    const warm = await page.evaluate(fetchAll, urls);
    if (warm.notOk || warm.bytes !== siteBytes) throw new Error(`${c.name}: warm-up fetched ${warm.bytes} B (${warm.notOk} not 200), expected ${siteBytes} B`);
    phase('warm');
    const cached = c.cacheName ? await pollAtLeast(page, cacheEntries, c.cacheName, urls.length) : urls.length;
    phase('cached');
    if (cached < urls.length) throw new Error(`${c.name}: ${cached} of ${urls.length} assets in caches "${c.cacheName}*" after ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    phase('settle');
    const before = c.server.requests('assets');
    const t = await page.evaluate(timedBatch, urls);
    const leaked = c.server.requests('assets') - before;
    if (leaked) throw new Error(`${c.name}: ${leaked} of the timed requests reached the server (expected all from ${c.noWorker ? "the browser's HTTP cache" : "the worker's cache"})`);
    if (t.bytes !== siteBytes) throw new Error(`${c.name}: the timed batch read ${t.bytes} B, expected ${siteBytes} B`);
    if (t.entries !== urls.length) throw new Error(`${c.name}: ${t.entries} timed fetches in Resource Timing, expected ${urls.length}`);
    // Each fetch is answered by the worker or by a static route to its cache; nothing else.
    const wrong = c.noWorker ? t.viaWorker !== 0 : c.staticRoutes ? t.routingReported && t.staticRouted !== urls.length : t.viaWorker !== urls.length;
    if (wrong) {
      throw new Error(`${c.name}: of ${urls.length} timed fetches, ${t.viaWorker} went through the worker and ${t.staticRouted} through a static route (expected ${c.staticRoutes ? 'all routed' : 'all through the worker'})`);
    }
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    if (controlled !== (c.noWorker ? null : `${c.server.url}/sw.js`)) throw new Error(`${c.name}: page controlled by ${controlled}`);
    phase('timed');
    return { ms: t.ms, phases, viaWorker: t.viaWorker, staticRouted: t.staticRouted };
  } finally {
    await context.close();
  }
}

export async function run(ctx) {
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.2) ctx.log(`warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the row started: other work is running, figures will be noisy`);

  const site = join(ctx.tmp, 'site');
  const { urls, bytes: siteBytes } = generateCacheHitSite(site);
  ctx.log(`site: ${urls.length} hashed assets, ${siteBytes.toLocaleString('en-US')} B, one page`);

  // Peers: the same site, the registration snippet in the page, their worker as /sw.js.
  const peerDir = (name) => {
    const dir = join(ctx.tmp, name);
    cpSync(site, dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), peerPage());
    return dir;
  };
  const dirs = { workbox: peerDir('workbox'), serwist: peerDir('serwist'), minimal: peerDir('minimal'), memory: peerDir('memory') };
  const workers = {
    workbox: (await withManifest(await bundleWorker('cache-hit-workbox-sw.js'), dirs.workbox)).code,
    serwist: (await withManifest(await bundleWorker('cache-hit-serwist-sw.js'), dirs.serwist)).code,
    minimal: await bundleWorker('cache-hit-minimal-sw.js'),
    memory: await bundleWorker('cache-hit-memory-sw.js'),
  };
  writeFileSync(join(dirs.minimal, 'sw.js'), workers.minimal);
  writeFileSync(join(dirs.memory, 'sw.js'), workers.memory);
  const contenders = [
    { name: 'workbox', dir: dirs.workbox, cacheName: 'workbox-precache' },
    { name: 'serwist', dir: dirs.serwist, cacheName: 'serwist-precache', staticRoutes: true },
    { name: 'minimal', dir: dirs.minimal, cacheName: 'assets' },
    { name: 'memory', dir: dirs.memory },
    // The site as generated: its page registers nothing.
    { name: 'httpCache', dir: site, noWorker: true, cacheControl: 'public, max-age=31536000, immutable' },
  ];
  let buildLog = null;
  let hashedFolders = null;
  if (hasCli()) {
    // Shellac's own CLI with its defaults, as users run it. Its page gets the registration script from the build.
    const out = join(ctx.tmp, 'shellac-out');
    mkdirSync(out, { recursive: true });
    buildLog = (await shellacBuild(site, out)).stdout.trim();
    const { text: sw, config } = builtWorker(out);
    const runtime = sw.match(/importScripts\("([^"]+)"\)/)?.[1];
    hashedFolders = config.hashedFolders ?? [];
    workers.ours = Buffer.concat([Buffer.from(sw), runtime ? readFileSync(join(out, runtime)) : Buffer.alloc(0)]);
    contenders.unshift({ name: 'ours', dir: out, cacheName: 'shellac:/:precache', staticRoutes: true });
  } else {
    ctx.log("Shellac's CLI is not built: measuring the peers only");
  }

  const names = contenders.map((c) => c.name);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const routing = Object.fromEntries(names.map((n) => [n, []]));
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
    for (const c of contenders) servers.push((c.server = await startStaticServer(c.dir, { cacheControl: c.cacheControl })));
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
        routing[c.name].push({ viaWorker: r.viaWorker, staticRouted: r.staticRouted });
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

  const s = Object.fromEntries(names.map((n) => [n, summary(samples[n], 1)]));
  const ratio = (a, b) => medianRatio(s, a, b);
  const ratios = {
    oursOverWorkbox: ratio('ours', 'workbox'),
    oursOverMinimal: ratio('ours', 'minimal'),
    oursOverSerwist: ratio('ours', 'serwist'),
    serwistOverWorkbox: ratio('serwist', 'workbox'),
    minimalOverWorkbox: ratio('minimal', 'workbox'),
    oursOverLimit: ratio('ours', 'httpCache'),
    limitOverWorkbox: ratio('httpCache', 'workbox'),
    oursOverMemory: ratio('ours', 'memory'),
    memoryOverWorkbox: ratio('memory', 'workbox'),
  };
  const perRun = (n) => routing[n][routing[n].length - 1] ?? {};
  const result = {
    ours: s.ours?.median ?? null,
    peer: s.workbox.median,
    limit: s.httpCache.median,
    runs,
    min: { ours: s.ours?.min ?? null, peer: s.workbox.min },
    max: { ours: s.ours?.max ?? null, peer: s.workbox.max },
    peers: { serwist: s.serwist, minimal: s.minimal, memory: s.memory, httpCache: s.httpCache },
    details: {
      cpuBusyBefore: busyBefore,
      site: { assets: urls.length, bytes: siteBytes },
      ratios,
      samples: Object.fromEntries(names.map((n) => [n, s[n].samples])),
      // Of the 300 timed fetches (last run): how many ran the fetch handler, how many a static route answered.
      routing: Object.fromEntries(names.map((n) => [n, perRun(n)])),
      workerBytes: Object.fromEntries(Object.entries(workers).map(([n, b]) => [n, { bytes: b.length, gzip: gzipSize(b) }])),
      shellacBuild: buildLog,
      // The folders the build routes whole (one static route each), from its sw.js.
      hashedFolders,
      // Medians per step of one run (ms, wall time in the harness): the worker taking control,
      // the warm-up pass, the cache holding the 300 assets, the fixed settle, and the timed step
      // (the batch plus the checks around it).
      phasesMs: Object.fromEntries(names.map((n) => [n, Object.fromEntries(Object.keys(phases[n][0] ?? {}).map((k) => [k, Math.round(median(phases[n].map((p) => p[k])))]))])),
      warmupRunsPerContender: ctx.warmup,
      notes: [
        `time for one page to fetch() ${urls.length} hashed assets (${siteBytes.toLocaleString('en-US')} B) at once and read every body, all from the worker's caches; fresh browser context per run, after one pass through them`,
        `ours = shellac build with its defaults (the hashed assets precached under their own URLs, routed to the precache by InstallEvent.addRoutes: ${hashedFolders?.length ? `one route for ${hashedFolders.join(', ')}, the build's hashed folders` : 'one pattern per file'}); peer = Workbox 7.4 precacheAndRoute (fetch handler); serwist = Serwist 9.5 precache + requestRules { urlPattern /assets/*, source { cacheName: its precache } }; minimal = a fetch listener doing caches.match, network + put on a miss`,
        `routing of the timed fetches (last run): ${names.map((n) => `${n} ${perRun(n).staticRouted ?? '—'} answered by a static route (workerMatchedSourceType 'cache')`).join(', ')}; every fetch of every contender with a worker has workerStart > 0 (the worker's registration is consulted, even where a static route answers); the limit's have none`,
        `serwist ÷ workbox = ${ratios.serwistOverWorkbox ?? '—'}; minimal ÷ workbox = ${ratios.minimalOverWorkbox ?? '—'}; ours ÷ serwist = ${ratios.oursOverSerwist ?? '—'}`,
        `limit = httpCache: no worker, the assets served immutable and answered by the browser's HTTP cache after one pass; limit ÷ workbox = ${ratios.limitOverWorkbox ?? '—'}, so the 0.6 goal asks for ${ratios.limitOverWorkbox ? (0.6 / ratios.limitOverWorkbox).toFixed(2) : '—'} × what the browser takes with no worker; ours ÷ limit = ${ratios.oursOverLimit ?? '—'}`,
        `memory = a fetch handler answering from bytes it holds in memory (no storage read): memory ÷ workbox = ${ratios.memoryOverWorkbox ?? '—'}; ours ÷ memory = ${ratios.oursOverMemory ?? '—'}`,
        `checked outside the timing: zero asset requests reached the server during the timed batch, the bytes read equal the site's, and each fetch went through the worker (or, for the static-routing contenders, matched a static route to the cache)`,
      ],
    },
  };
  if (!s.ours) throw cliMissing(result);
  return result;
}
