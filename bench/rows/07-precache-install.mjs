// precache-install: time from register() to an activated worker, for a site of 300 precached
// assets served by a server that holds every request for 100 ms.
// OURS: `shellac build` with its default config (precacheConcurrency 8).
// PEER: Workbox 7.4 generateSW (its precaching fetches one file at a time).
// Extra peer: Serwist 9.5 (precache concurrency 10), whose ratio has its own goal (≤ 1.0).
// Each run is a fresh browser context on the contender's own server (own port); contenders
// alternate, order rotating. See README "precache-install" for what caps the parallelism.
import { join } from 'node:path';
import { median, medianRatio, summary } from '../lib/stats.mjs';
import { cpuBusy } from '../lib/machine.mjs';
import { CHROMIUM, CHROMIUM_ARGS, launchChromium } from '../lib/browser.mjs';
import { cliMissing, hasCli } from '../lib/shellac.mjs';
import { writePrecacheSite, ASSET_COUNT } from '../lib/precache-site.mjs';
import { startPrecacheServer } from '../lib/precache-server.mjs';
import {
  buildSerwist, buildShellac, buildWorkbox, bundleSerwist, cacheKeys, missingAssets, openBench, registerAndActivate,
} from '../lib/precache-contenders.mjs';

export const id = 'precache-install';
export const what = 'ms from register() to an activated worker, precaching 300 assets from a server adding 100 ms per request';
export const unit = 'ms';
// Issue #5: at most 0.2x Workbox (sequential) and at most 1.0x Serwist (concurrency 10).
export const goal = { against: 'peer', max: 0.2 };
const SERWIST_GOAL = 1.0;

const DELAY_MS = 100;
const MIN_RUNS = 5;
// Chromium throttles an installing service worker's fetch() to 3 outstanding requests (the
// ThrottleInstallingServiceWorker feature, on by default). The `…NoInstallThrottle` contenders
// run in a second Chromium with that feature off, where HTTP/1.1's 6 connections are the cap.
const NO_THROTTLE_ARGS = ['--disable-features=ThrottleInstallingServiceWorker'];

async function launchUnthrottled() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...NO_THROTTLE_ARGS] });
}

/** One install in a fresh context: `{ ms, requests, maxInFlight, connections }`; checks all assets are cached. */
async function once(browser, server, kind, assets) {
  const { context, page } = await openBench(browser, server.url);
  try {
    server.reset();
    const ms = await registerAndActivate(page);
    await server.idle();
    const missing = missingAssets(await cacheKeys(page), assets, kind);
    if (missing.length) throw new Error(`${kind}: ${missing.length} of ${assets.length} assets are not in the worker's cache after activation (e.g. ${missing[0].rel})`);
    return { ms, requests: server.log.length, maxInFlight: server.maxInFlight, connections: server.sockets };
  } finally {
    await context.close();
  }
}

export async function run(ctx) {
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.2) ctx.log(`warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the row started: other work is running, figures will be noisy`);
  const site = writePrecacheSite(join(ctx.tmp, 'site'));
  ctx.log(`site: ${site.assets.length} assets, ${(site.bytes / 1024).toFixed(0)} KiB, + index.html, offline.html`);

  const builds = {
    workbox: { kind: 'workbox', ...(await buildWorkbox(site.dir, join(ctx.tmp, 'workbox'))) },
    serwist: { kind: 'serwist', ...(await buildSerwist(site.dir, join(ctx.tmp, 'serwist'), await bundleSerwist(join(ctx.tmp, 'serwist-src')))) },
  };
  if (hasCli()) builds.ours = { kind: 'shellac', ...(await buildShellac(site.dir, join(ctx.tmp, 'shellac-out'), site.assets)) };
  ctx.log(`precache entries: ${Object.entries(builds).map(([k, b]) => `${k} ${b.entries}`).join(', ')}`);

  // name → { build, browser: 'default' | 'unthrottled' }; Workbox gets no warm-up (about 35 s a run).
  const contenders = {
    ...(builds.ours && { ours: { build: builds.ours, browser: 'default', warm: true } }),
    workbox: { build: builds.workbox, browser: 'default', warm: false },
    serwist: { build: builds.serwist, browser: 'default', warm: true },
    ...(builds.ours && { oursNoInstallThrottle: { build: builds.ours, browser: 'unthrottled', warm: true } }),
    serwistNoInstallThrottle: { build: builds.serwist, browser: 'unthrottled', warm: true },
  };
  const names = Object.keys(contenders);
  const servers = {};
  const browsers = {};
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  try {
    // One server (own port, so own origin) per contender, even where two share a build.
    for (const n of names) servers[n] = await startPrecacheServer({ root: contenders[n].build.dir, delayMs: DELAY_MS });
    browsers.default = await launchChromium();
    browsers.unthrottled = await launchUnthrottled();
    const go = (n) => once(browsers[contenders[n].browser], servers[n], contenders[n].build.kind, site.assets);

    for (let w = 0; w < ctx.warmup; w++) for (const n of names) if (contenders[n].warm) await go(n);
    const runs = Math.max(MIN_RUNS, ctx.runs);
    for (let i = 0; i < runs; i++) {
      const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
      const line = [];
      for (const n of order) {
        const r = await go(n);
        samples[n].push(r);
        line.push(`${n} ${Math.round(r.ms)} ms (≤${r.maxInFlight} in flight)`);
      }
      ctx.log(`run ${i + 1}/${runs}: ${line.join(', ')}`);
    }

    const s = Object.fromEntries(names.filter((n) => samples[n].length).map((n) => [n, summary(samples[n].map((r) => r.ms), 0)]));
    const ratio = (a, b) => medianRatio(s, a, b);
    const ratios = {
      oursOverWorkbox: ratio('ours', 'workbox'),
      oursOverSerwist: ratio('ours', 'serwist'),
      serwistOverWorkbox: ratio('serwist', 'workbox'),
      oursNoInstallThrottleOverWorkbox: ratio('oursNoInstallThrottle', 'workbox'),
      oursNoInstallThrottleOverSerwistNoInstallThrottle: ratio('oursNoInstallThrottle', 'serwistNoInstallThrottle'),
    };
    const serwistMet = ratios.oursOverSerwist == null ? null : ratios.oursOverSerwist <= SERWIST_GOAL;
    const perContender = (key) => Object.fromEntries(names.map((n) => [n, median(samples[n].map((r) => r[key]))]));
    const partial = {
      peer: s.workbox.median,
      runs,
      peers: {
        serwist: s.serwist,
        ...(s.oursNoInstallThrottle && { oursNoInstallThrottle: s.oursNoInstallThrottle }),
        serwistNoInstallThrottle: s.serwistNoInstallThrottle,
      },
      details: {
        cpuBusyBefore: busyBefore,
        delayMsPerRequest: DELAY_MS,
        site: { assets: site.assets.length, assetBytes: site.bytes },
        precacheEntries: Object.fromEntries(Object.entries(builds).map(([k, b]) => [k, b.entries])),
        ratios,
        goals: { oursOverWorkbox: `≤ ${goal.max}`, oursOverSerwist: `≤ ${SERWIST_GOAL}` },
        serwistGoalMet: serwistMet,
        requestsPerInstall: perContender('requests'),
        maxRequestsInFlight: perContender('maxInFlight'),
        newConnectionsPerInstall: perContender('connections'),
        samples: Object.fromEntries(Object.entries(s).map(([n, v]) => [n, v.samples])),
        warmupRunsPerContender: Object.fromEntries(names.map((n) => [n, contenders[n].warm ? ctx.warmup : 0])),
        notes: [
          `time from just before navigator.serviceWorker.register('/sw.js') to that worker's 'activated' (performance.now() in the page); fresh browser context per run; every asset checked in the worker's cache after each run`,
          `the server holds every request ${DELAY_MS} ms (assets, sw.js, manifest, the page); HTTP/1.1, so at most 6 connections per origin`,
          `Chromium's ThrottleInstallingServiceWorker (on by default) allows an installing worker 3 outstanding fetch() requests: Shellac's 8 and Serwist's 10 both become 3 (see maxRequestsInFlight), so no contender can be faster than ~1/3 of a sequential install here; …NoInstallThrottle = the same in a Chromium with --disable-features=ThrottleInstallingServiceWorker (capped by the 6 connections)`,
          `extra goal: ours ÷ Serwist = ${ratios.oursOverSerwist ?? 'n/a'} against ≤ ${SERWIST_GOAL}: ${serwistMet == null ? 'not measured' : serwistMet ? 'met' : 'MISSED'}`,
          `Workbox gets no warm-up run (one install takes about 35 s); the others get --warmup runs`,
          `Shellac precaches ${builds.ours?.entries ?? 'n/a'} files (the 300 assets, offline.html and its own shellac.js) and fetches shellac-manifest.json before them; the peers precache 301 (the 300 assets and offline.html), their manifest inlined in sw.js`,
        ],
      },
    };
    if (!s.ours) throw cliMissing(partial);
    return {
      ours: s.ours.median,
      ...partial,
      min: { ours: s.ours.min, peer: s.workbox.min },
      max: { ours: s.ours.max, peer: s.workbox.max },
    };
  } finally {
    await browsers.default?.close().catch(() => {});
    await browsers.unthrottled?.close().catch(() => {});
    await Promise.all(Object.values(servers).map((sv) => sv.close()));
  }
}
