// worker-render-fcp: first contentful paint, and the time the lesson's heading is in the page, of
// three kinds of navigation to a Songbook lesson, measured in one run (one browser context each):
// OURS: offline, a lesson never visited, rendered by the app in the worker from synced data.
// PEER: offline, a lesson visited before, from the pages cache (the server's copy).
// shellOnline: online (loopback, no emulated latency), a lesson never visited: the cached shell,
// then the content from the server (the app shell's everyday navigation).
// Offline is CDP's emulation (the page and its worker); the server keeps running, unreachable.
import { join } from 'node:path';
import { cpuBusy } from '../lib/machine.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { buildSongbook, hasShellacServerBuild, startSongbook } from '../lib/songbook.mjs';
import { cliMissing } from '../lib/shellac.mjs';
import { summary } from '../lib/stats.mjs';

export const id = 'worker-render-fcp';
export const what = 'median FCP (ms) of an offline navigation to a lesson the worker renders, against one the pages cache holds';
export const unit = 'ms';
// A render from synced data should paint as soon as a kept copy does.
export const goal = { against: 'peer', max: 1.2 };

const MIN_RUNS = 5;

// The time the lesson's heading is first in the content region (a probe, as in repeat-visit-fcp).
const CONTENT_PROBE = `(() => {
  const check = () => {
    if (self.__benchContentAt == null && document.querySelector('[data-shellac-content] .lesson h1')) self.__benchContentAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

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

/** One run: install, visit lesson 1 (kept), then the three navigations, in `order`. */
async function once(browser, url, run, order) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(CONTENT_PROBE);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller != null);
    await page.waitForFunction(() => caches.match('/api/lessons.json').then((r) => r != null));
    await page.goto(`${url}/lessons/1`);
    await page.waitForFunction(() => self.__benchContentAt != null);
    await page.waitForFunction(() => caches.match('/lessons/1?from_appshell=1').then((r) => r != null));
    // Lessons never opened before in this context, a new one each run.
    const fresh = { rendered: 2 + run * 2, online: 3 + run * 2 };
    const measure = async (path, offline) => {
      await context.setOffline(offline);
      await page.goto(url + path);
      const fcp = await page.evaluate(readFcp);
      if (fcp == null) throw new Error(`no first-contentful-paint entry for ${path}`);
      await page.waitForFunction(() => self.__benchContentAt != null);
      const content = await page.evaluate(() => self.__benchContentAt);
      const rendered = await page.evaluate(() => document.querySelector('.shellac-offline-copy') != null);
      return { fcp, content, rendered };
    };
    const out = {};
    for (const kind of order) {
      if (kind === 'rendered') out.rendered = await measure(`/lessons/${fresh.rendered}`, true);
      if (kind === 'cached') out.cached = await measure('/lessons/1', true);
      if (kind === 'online') out.online = await measure(`/lessons/${fresh.online}`, false);
    }
    if (!out.rendered.rendered || out.cached.rendered || out.online.rendered) throw new Error('a navigation did not come from where it should (worker render / kept copy / server)');
    return out;
  } finally {
    await context.close();
  }
}

export async function run(ctx) {
  if (!hasShellacServerBuild()) throw cliMissing();
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.2) ctx.log(`warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the row started: figures will be noisy`);
  const build = join(ctx.tmp, 'songbook');
  await buildSongbook(build);
  const server = await startSongbook(build, join(ctx.tmp, 'songbook.db'));
  const browser = await launchChromium();
  const kinds = ['rendered', 'cached', 'online'];
  const samples = [];
  try {
    const runs = Math.min(Math.max(MIN_RUNS, ctx.runs), 14); // 30 lessons: two new ones a run
    for (let i = 0; i < runs; i++) {
      const order = kinds.slice(i % 3).concat(kinds.slice(0, i % 3));
      const r = await once(browser, server.url, i, order);
      samples.push(r);
      ctx.log(`run ${i + 1}/${runs} (FCP / content ms): ${kinds.map((k) => `${k} ${Math.round(r[k].fcp)} / ${Math.round(r[k].content)}`).join(', ')}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  const stat = (kind, key) => summary(samples.map((r) => r[kind][key]), 0);
  return {
    ours: stat('rendered', 'fcp').median,
    peer: stat('cached', 'fcp').median,
    runs: samples.length,
    min: { ours: stat('rendered', 'fcp').min, peer: stat('cached', 'fcp').min },
    max: { ours: stat('rendered', 'fcp').max, peer: stat('cached', 'fcp').max },
    peers: { shellOnline: stat('online', 'fcp'), renderedContent: stat('rendered', 'content'), cachedContent: stat('cached', 'content'), shellOnlineContent: stat('online', 'content') },
    details: {
      cpuBusyBefore: busyBefore,
      notes: [
        'one browser context per run: open / (the worker installs and syncs), open /lessons/1 (kept), then in turn: offline, a new lesson (rendered in the worker); offline, /lessons/1 (the kept copy); online, another new lesson (the shell, then the server)',
        "with the app shell, FCP is the cached shell's paint in all three: the content times (the lesson's h1 in the region) tell the three apart",
        'offline is CDP emulation of the page and its worker (Playwright setOffline); the server keeps running, unreachable',
      ],
    },
  };
}
