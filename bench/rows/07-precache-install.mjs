// precache-install: time from register() to an activated worker, for a site of 300 precached
// assets served by a server that holds every request for 100 ms.
// OURS: `shellac build` with its default config: a first install fetches the pack (one file
// holding every entry), then checks each entry against the manifest.
// PEER: Workbox 7.4 generateSW (its precaching fetches one file at a time).
// Extra peer: Serwist 9.5 (precache concurrency 10), whose ratio has its own goal (≤ 0.3).
// LIMIT: fixtures/precache-limit-sw.js, the least work that leaves the 300 files in a cache
// after one request: it fetches Shellac's pack and stores each file, checking nothing.
// Chromium's install throttle is on, as users have it (3 concurrent fetches for an installing worker).
// Each run is a fresh browser context on the contender's own server (own port); contenders
// alternate, order rotating. See README "precache-install" for what caps the parallelism.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../lib/paths.mjs';
import { median, medianRatio, summary } from '../lib/stats.mjs';
import { cpuBusy } from '../lib/machine.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { cliMissing, hasCli } from '../lib/shellac.mjs';
import { writePrecacheSite, ASSET_COUNT } from '../lib/precache-site.mjs';
import { startPrecacheServer } from '../lib/precache-server.mjs';
import {
  buildSerwist, buildShellac, buildWorkbox, bundleSerwist, cacheKeys, missingAssets, openBench, registerAndActivate,
} from '../lib/precache-contenders.mjs';

export const id = 'precache-install';
export const what = 'ms from register() to an activated worker, precaching 300 assets from a server adding 100 ms per request';
export const unit = 'ms';
// Issue 13: at most 0.1x Workbox (sequential) and 0.3x Serwist (concurrency 10, throttled to 3).
export const goal = { against: 'peer', max: 0.1 };
export const peerName = 'Workbox';
const SERWIST_GOAL = 0.3;
export const goals = [{ against: 'serwist', max: SERWIST_GOAL, label: 'Serwist' }];

const DELAY_MS = 100;

/** The limit's folder: its worker and a copy of the pack Shellac's build wrote in `oursDir`. */
function limitBuild(oursDir, dir) {
  const pack = readdirSync(oursDir).find((f) => /^shellac-pack\..+\.bin$/.test(f));
  if (!pack) throw new Error(`no shellac-pack.*.bin in ${oursDir}: the limit installs from Shellac's pack`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'precache-limit-sw.js'), join(dir, 'sw.js'));
  copyFileSync(join(oursDir, pack), join(dir, 'pack.bin'));
  const bytes = readFileSync(join(dir, 'pack.bin'));
  const entries = JSON.parse(bytes.subarray(4, 4 + bytes.readUInt32BE(0)).toString('utf8')).length;
  return { kind: 'limit', dir, entries };
}
const MIN_RUNS = 5;

/** One install in a fresh context: `{ ms, requests, maxInFlight, connections }`; checks all assets are cached. */
async function once(browser, server, build, assets) {
  const { kind } = build;
  const { context, page } = await openBench(browser, server.url);
  try {
    server.reset();
    const ms = await registerAndActivate(page);
    await server.idle();
    const missing = missingAssets(await cacheKeys(page), assets, kind, build.dir);
    if (missing.length) throw new Error(`${kind}: ${missing.length} of ${assets.length} assets are not in the worker's cache after activation (e.g. ${missing[0].rel})`);
    const packBytes = server.log.filter((e) => e.path.includes('shellac-pack.')).reduce((n, e) => n + e.bytes, 0);
    return { ms, requests: server.log.length, maxInFlight: server.maxInFlight, connections: server.sockets, packBytes };
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
  if (builds.ours) builds.limit = limitBuild(builds.ours.dir, join(ctx.tmp, 'limit'));
  ctx.log(`precache entries: ${Object.entries(builds).map(([k, b]) => `${k} ${b.entries}`).join(', ')}`);

  // name → { build, browser }; Workbox gets no warm-up (about 35 s a run).
  const contenders = {
    ...(builds.ours && { ours: { build: builds.ours, browser: 'default', warm: true } }),
    workbox: { build: builds.workbox, browser: 'default', warm: false },
    serwist: { build: builds.serwist, browser: 'default', warm: true },
    ...(builds.limit && { limit: { build: builds.limit, browser: 'default', warm: true } }),
  };
  const names = Object.keys(contenders);
  const servers = {};
  const browsers = {};
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  try {
    // One server (own port, so own origin) per contender, even where two share a build.
    for (const n of names) servers[n] = await startPrecacheServer({ root: contenders[n].build.dir, delayMs: DELAY_MS });
    browsers.default = await launchChromium();
    const go = (n) => once(browsers[contenders[n].browser], servers[n], contenders[n].build, site.assets);

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
      oursOverLimit: ratio('ours', 'limit'),
      limitOverWorkbox: ratio('limit', 'workbox'),
    };
    const serwistMet = ratios.oursOverSerwist == null ? null : ratios.oursOverSerwist <= SERWIST_GOAL;
    const perContender = (key) => Object.fromEntries(names.map((n) => [n, median(samples[n].map((r) => r[key]))]));
    const partial = {
      peer: s.workbox.median,
      limit: s.limit?.median ?? null,
      runs,
      peers: { serwist: s.serwist, limit: s.limit },
      details: {
        cpuBusyBefore: busyBefore,
        delayMsPerRequest: DELAY_MS,
        site: { assets: site.assets.length, assetBytes: site.bytes },
        precacheEntries: Object.fromEntries(Object.entries(builds).map(([k, b]) => [k, b.entries])),
        ratios,
        goals: { oursOverWorkbox: `≤ ${goal.max}`, oursOverSerwist: `≤ ${SERWIST_GOAL}` },
        serwistGoalMet: serwistMet,
        packBytesPerInstall: builds.ours ? median(samples.ours.map((r) => r.packBytes)) : null,
        requestsPerInstall: perContender('requests'),
        maxRequestsInFlight: perContender('maxInFlight'),
        newConnectionsPerInstall: perContender('connections'),
        samples: Object.fromEntries(Object.entries(s).map(([n, v]) => [n, v.samples])),
        warmupRunsPerContender: Object.fromEntries(names.map((n) => [n, contenders[n].warm ? ctx.warmup : 0])),
        notes: [
          `time from just before navigator.serviceWorker.register('/sw.js') to that worker's 'activated' (performance.now() in the page); fresh browser context per run; every asset checked in the worker's cache after each run`,
          `the server holds every request ${DELAY_MS} ms (assets, sw.js, manifest, the page); HTTP/1.1, so at most 6 connections per origin`,
          `Chromium's ThrottleInstallingServiceWorker is on (its default): an installing worker has at most 3 fetch() requests outstanding, so Serwist's 10 become 3 (see maxRequestsInFlight); Shellac's first install fetches its pack, one request, then checks each entry against the manifest`,
          `extra goal: ours ÷ Serwist = ${ratios.oursOverSerwist ?? 'n/a'} against ≤ ${SERWIST_GOAL}: ${serwistMet == null ? 'not measured' : serwistMet ? 'met' : 'MISSED'}`,
          `limit = a hand-written worker that fetches Shellac's pack (one request) and stores its ${builds.limit?.entries ?? '—'} files at once, checking nothing (fixtures/precache-limit-sw.js): ours ÷ limit = ${ratios.oursOverLimit ?? '—'}, limit ÷ Workbox = ${ratios.limitOverWorkbox ?? '—'}`,
          `Workbox gets no warm-up run (one install takes about 35 s); the others get --warmup runs`,
          `Shellac precaches ${builds.ours?.entries ?? 'n/a'} files (the 300 assets, offline.html and its own shellac.js): it fetches sw.js, its runtime, shellac-manifest.json and the pack (${builds.ours ? median(samples.ours.map((r) => r.requests)) : '—'} requests per install); the peers precache 301 (the 300 assets and offline.html), their manifest inlined in sw.js`,
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
    await Promise.all(Object.values(servers).map((sv) => sv.close()));
  }
}
