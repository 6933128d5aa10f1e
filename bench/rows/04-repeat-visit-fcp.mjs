// repeat-visit-fcp: first contentful paint of a repeat visit to the Songbook demo at 400 ms RTT.
// OURS: the demo as built (Shellac's app shell: the cached shell paints, the content follows).
// PEER: the same demo with Workbox 7.4's `pageCache` recipe as /sw.js (NetworkFirst navigations).
// Each run is a fresh browser context: visit / (wait for a controlling worker), visit /lessons/1
// (so it is cached), then emulate 400 ms of latency and navigate to /lessons/2 (never visited)
// and back to /lessons/1. Contenders alternate; the servers run in child processes.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summary } from '../lib/stats.mjs';
import { cpuBusy } from '../lib/machine.mjs';
import { emulateOnServiceWorkers, launchChromium } from '../lib/browser.mjs';
import { buildSongbook, hasShellacServerBuild, startSongbook } from '../lib/songbook.mjs';
import { cliMissing } from '../lib/shellac.mjs';
import { workboxPageCacheWorker } from '../lib/workbox-page-cache.mjs';

export const id = 'repeat-visit-fcp';
export const what = 'median FCP (ms) of a repeat visit to a new page of the Songbook demo at 400 ms RTT';
export const unit = 'ms';
// The app shell should paint in under a third of the time a network-first worker needs.
export const goal = { against: 'peer', max: 0.3 };
export const peerName = 'Workbox';

const LATENCY_MS = 400;
const NEW_PAGE = '/lessons/2'; // never visited before the timed navigation
const SEEN_PAGE = '/lessons/1'; // visited once before
const MIN_RUNS = 5; // paint times are noisy: never fewer, whatever --runs says

// Read in the page. The entry may not exist yet when `goto` resolves: observe it (buffered).
const readFcp = () => new Promise((resolve) => {
  const name = 'first-contentful-paint';
  const found = performance.getEntriesByName(name)[0];
  if (found) return resolve(found.startTime);
  new PerformanceObserver((list, observer) => {
    const e = list.getEntriesByName(name)[0];
    if (e) { observer.disconnect(); resolve(e.startTime); }
  }).observe({ type: 'paint', buffered: true });
  setTimeout(() => resolve(null), 15_000);
});

// Init script: the time the lesson's heading is first in the content region (parsed in a full
// page, or swapped in by the shell). Not a paint, but it shows when the content itself arrives.
const CONTENT_PROBE = `(() => {
  const check = () => {
    if (self.__benchContentAt == null && document.querySelector('[data-shellac-content] h1')) self.__benchContentAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

/**
 * One run of one contender in a fresh context. `worker`: whether a worker is expected;
 * `cachedKey`: the cache URL that proves /lessons/1 was kept; `latency`: emulate or not.
 */
async function once(browser, browserSession, { url, worker, cachedKey, latency }) {
  const context = await browser.newContext({ serviceWorkers: worker ? 'allow' : 'block' });
  let throttled;
  try {
    await context.addInitScript(CONTENT_PROBE);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');

    await page.goto(`${url}/`);
    if (worker) await page.waitForFunction(() => navigator.serviceWorker.controller != null);
    await page.goto(url + SEEN_PAGE);
    await page.waitForFunction(() => self.__benchContentAt != null);
    if (worker) {
      // Until the worker has stored it, /lessons/1 is not a cached page yet.
      await page.waitForFunction((key) => caches.match(key).then((r) => r != null), cachedKey);
    }
    if (latency) {
      const conditions = { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 };
      await cdp.send('Network.emulateNetworkConditions', conditions);
      if (worker) {
        // The worker's own fetches (Workbox's NetworkFirst, Shellac's content requests) too.
        const { targetInfo } = await cdp.send('Target.getTargetInfo');
        throttled = await emulateOnServiceWorkers(browserSession, targetInfo.browserContextId, conditions);
        if (throttled.workers !== 1) throw new Error(`expected one service worker in the context, found ${throttled.workers}`);
      }
    }
    const measure = async (path) => {
      await page.goto(url + path);
      const fcp = await page.evaluate(readFcp);
      if (fcp == null) throw new Error(`no first-contentful-paint entry for ${path}`);
      await page.waitForFunction(() => self.__benchContentAt != null);
      const content = await page.evaluate(() => self.__benchContentAt);
      const controlled = await page.evaluate(() => navigator.serviceWorker?.controller != null);
      if (controlled !== worker) throw new Error(`${path}: controlled by a worker: ${controlled}, expected ${worker}`);
      return { fcp, content };
    };
    const fresh = await measure(NEW_PAGE);
    const seen = await measure(SEEN_PAGE);
    return { fresh, seen };
  } finally {
    await throttled?.detach();
    await context.close();
  }
}

export async function run(ctx) {
  if (!hasShellacServerBuild()) throw cliMissing();
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.2) ctx.log(`warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the row started: other work is running, figures will be noisy`);
  const shellacBuild = join(ctx.tmp, 'songbook-shellac');
  await buildSongbook(shellacBuild);
  // The Workbox copy: the same build, with the recipe's worker as /sw.js.
  const workboxBuild = join(ctx.tmp, 'songbook-workbox');
  cpSync(shellacBuild, workboxBuild, { recursive: true });
  const wb = await workboxPageCacheWorker(shellacBuild);
  rmSync(join(workboxBuild, 'sw.js'));
  writeFileSync(join(workboxBuild, 'sw.js'), wb.code);
  ctx.log(`Workbox pageCache worker: ${wb.code.length} bytes, ${wb.entries} precache entries`);

  const servers = [];
  let browser;
  try {
    const shellacServer = await startSongbook(shellacBuild, join(ctx.tmp, 'shellac.db'));
    servers.push(shellacServer);
    const workboxServer = await startSongbook(workboxBuild, join(ctx.tmp, 'workbox.db'));
    servers.push(workboxServer);
    browser = await launchChromium();
    const browserSession = await browser.newBrowserCDPSession();

    const contenders = {
      ours: { url: shellacServer.url, worker: true, cachedKey: `${SEEN_PAGE}?from_appshell=1`, latency: true },
      workbox: { url: workboxServer.url, worker: true, cachedKey: SEEN_PAGE, latency: true },
      noWorker: { url: shellacServer.url, worker: false, latency: true },
      oursNoLatency: { url: shellacServer.url, worker: true, cachedKey: `${SEEN_PAGE}?from_appshell=1`, latency: false },
    };
    const names = Object.keys(contenders);
    const samples = Object.fromEntries(names.map((k) => [k, []]));
    const runs = Math.max(MIN_RUNS, ctx.runs);
    for (let w = 0; w < ctx.warmup; w++) for (const name of names) await once(browser, browserSession, contenders[name]);
    for (let i = 0; i < runs; i++) {
      const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
      const line = [];
      for (const name of order) {
        const r = await once(browser, browserSession, contenders[name]);
        samples[name].push(r);
        line.push(`${name} ${Math.round(r.fresh.fcp)}/${Math.round(r.seen.fcp)}`);
      }
      ctx.log(`run ${i + 1}/${runs} (FCP ms, ${NEW_PAGE}/${SEEN_PAGE}): ${line.join(', ')}`);
    }

    const stat = (name, page, key) => summary(samples[name].map((r) => r[page][key]), 0);
    const s = Object.fromEntries(names.map((n) => [n, { fresh: stat(n, 'fresh', 'fcp'), seen: stat(n, 'seen', 'fcp'), freshContent: stat(n, 'fresh', 'content'), seenContent: stat(n, 'seen', 'content') }]));
    const contentLine = (page) => names.map((n) => `${n} ${s[n][page].median} ms`).join(', ');
    return {
      ours: s.ours.fresh.median,
      peer: s.workbox.fresh.median,
      limit: s.oursNoLatency.fresh.median,
      runs,
      min: { ours: s.ours.fresh.min, peer: s.workbox.fresh.min },
      max: { ours: s.ours.fresh.max, peer: s.workbox.fresh.max },
      peers: {
        noWorker: s.noWorker.fresh,
        oursNoLatency: s.oursNoLatency.fresh,
        oursVisitedPage: s.ours.seen,
        workboxVisitedPage: s.workbox.seen,
        noWorkerVisitedPage: s.noWorker.seen,
        oursNoLatencyVisitedPage: s.oursNoLatency.seen,
      },
      details: {
        // Share of CPU time in use over the second before the row (other work skews the figures).
        cpuBusyBefore: busyBefore,
        latencyMs: LATENCY_MS,
        pages: { newPage: NEW_PAGE, visitedPage: SEEN_PAGE },
        oursOverLimit: Number((s.ours.fresh.median / s.oursNoLatency.fresh.median).toFixed(2)),
        oursSamples: s.ours.fresh.samples,
        workboxSamples: s.workbox.fresh.samples,
        contentInDom: Object.fromEntries(names.map((n) => [n, { newPage: s[n].freshContent, visitedPage: s[n].seenContent }])),
        workboxWorkerBytes: wb.code.length,
        warmupRunsPerContender: ctx.warmup,
        notes: [
          `FCP of ${NEW_PAGE} (never visited) after visiting / and ${SEEN_PAGE}, with ${LATENCY_MS} ms emulated latency (CDP Network.emulateNetworkConditions); fresh browser context per run`,
          `peer = Workbox 7.4 pageCache recipe (+ precacheAndRoute of the same static files, clientsClaim) as /sw.js of the same demo; noWorker = service workers blocked`,
          `limit = Shellac with no emulated latency; ours ÷ limit = ${(s.ours.fresh.median / s.oursNoLatency.fresh.median).toFixed(2)}`,
          `Shellac's FCP is the cached shell (header, nav, empty content region); the page's content is swapped in when it arrives`,
          `content in DOM (lesson h1 present in the content region), medians, ${NEW_PAGE}: ${contentLine('freshContent')}`,
          `content in DOM, medians, ${SEEN_PAGE}: ${contentLine('seenContent')}`,
        ],
      },
    };
  } finally {
    await browser?.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
  }
}
