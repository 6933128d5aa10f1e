// offline-coverage: how many of the Songbook's 30 lessons open offline for a fresh visitor who
// opened only the home page, then lost the network (emulated offline, and the server stopped).
// OURS: the demo as built, its app running in the worker from the data it synced at install.
// PEERS: the same demo without the worker app (Shellac's pages cache and app shell alone), and
// with Workbox 7.4's `pageCache` recipe as /sw.js (NetworkFirst navigations into a cache).
// A lesson counts when its own title shows as the page's heading. Also reported: the worker's
// gzip bytes with and without the app, and the bytes of the data the worker synced.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/browser.mjs';
import { buildSongbook, hasShellacServerBuild, startSongbook } from '../lib/songbook.mjs';
import { cliMissing } from '../lib/shellac.mjs';
import { workboxPageCacheWorker } from '../lib/workbox-page-cache.mjs';

export const id = 'offline-coverage';
export const what = 'lessons of the Songbook (of 30) that open offline for a fresh visitor who opened only the home page';
export const unit = 'lessons';
// Every lesson, visited or not.
export const goal = { against: 'limit', min: 1 };

const LESSONS = 30;

/** The data sources the worker app synced, as stored (bytes, and gzip as they could travel). */
const syncedData = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    if (!/:data(~|$)/.test(name)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) out[new URL(request.url).pathname] = await (await cache.match(request)).text();
  }
  return out;
});

/** One contender in a fresh context: the home page only, then offline, every lesson. */
async function once(browser, { server, worker, shellac }, titles) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller != null);
    if (worker) await page.waitForFunction(() => caches.match('/api/lessons.json').then((r) => r != null));
    // Shellac keeps the page loaded before it controlled it: the same visit, fully settled.
    if (shellac) await page.waitForFunction(() => caches.keys().then((k) => Promise.all(k.filter((n) => n.includes(':pages')).map((n) => caches.open(n).then((c) => c.keys())))).then((l) => l.flat().length > 0));
    const data = worker ? await syncedData(page) : {};
    await context.setOffline(true);
    await server.close();
    let opened = 0;
    for (let n = 1; n <= LESSONS; n++) {
      const loaded = await page.goto(`${server.url}/lessons/${n}`).then(() => true, () => false);
      if (!loaded) continue;
      const heading = shellac ? '[data-shellac-content] h1, [data-shellac-content] .shellac-offline' : 'h1';
      const text = await page.locator(heading).first().textContent({ timeout: 15_000 }).catch(() => null);
      if (text?.trim() === titles[n - 1]) opened++;
    }
    return { opened, data };
  } finally {
    await context.close();
  }
}

export async function run(ctx) {
  if (!hasShellacServerBuild()) throw cliMissing();
  const withApp = join(ctx.tmp, 'songbook-app');
  const appSummary = await buildSongbook(withApp);
  const pagesOnly = join(ctx.tmp, 'songbook-pages');
  const pagesSummary = await buildSongbook(pagesOnly, ({ worker: _worker, ...rest }) => rest);
  const workboxBuild = join(ctx.tmp, 'songbook-workbox');
  cpSync(pagesOnly, workboxBuild, { recursive: true });
  const wb = await workboxPageCacheWorker(pagesOnly);
  rmSync(join(workboxBuild, 'sw.js'));
  writeFileSync(join(workboxBuild, 'sw.js'), wb.code);

  const contenders = {
    ours: { build: withApp, worker: true, shellac: true },
    pagesCacheOnly: { build: pagesOnly, worker: false, shellac: true },
    workboxPageCache: { build: workboxBuild, worker: false, shellac: false },
  };
  const browser = await launchChromium();
  const results = {};
  let titles;
  try {
    for (const [name, c] of Object.entries(contenders)) {
      const server = await startSongbook(c.build, join(ctx.tmp, `${name}.db`));
      try {
        titles ??= (await (await fetch(`${server.url}/api/lessons.json`)).json()).lessons.map((l) => l.title);
        results[name] = await once(browser, { ...c, server }, titles);
      } finally {
        await server.close();
      }
      ctx.log(`${name}: ${results[name].opened} of ${LESSONS} lessons open offline`);
    }
  } finally {
    await browser.close().catch(() => {});
  }
  const runtimeGzip = (s) => s.worker.gzip + s.worker.runtime.gzip;
  const data = Object.fromEntries(Object.entries(results.ours.data).map(([path, text]) => [path, { bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length }]));
  const dataTotal = Object.values(data).reduce((t, d) => ({ bytes: t.bytes + d.bytes, gzip: t.gzip + d.gzip }), { bytes: 0, gzip: 0 });
  return {
    ours: results.ours.opened,
    peer: results.workboxPageCache.opened,
    limit: LESSONS,
    runs: 1,
    peers: { pagesCacheOnly: results.pagesCacheOnly.opened, workboxPageCache: results.workboxPageCache.opened },
    details: {
      workerGzip: { withApp: runtimeGzip(appSummary), withoutApp: runtimeGzip(pagesSummary), appAlone: appSummary.worker.app?.gzip ?? null },
      syncedData: { ...data, total: dataTotal },
      notes: [
        'a fresh browser context per contender: open / (wait for a controlling worker; with the app, for its data), then emulate offline and stop the server, then open /lessons/1 … /lessons/30',
        "a lesson counts when the page's heading is its title (the app shell's content region for Shellac)",
        `worker gzip (sw.js and its runtime): ${runtimeGzip(appSummary)} B with the app, ${runtimeGzip(pagesSummary)} B without; synced data ${dataTotal.bytes} B (${dataTotal.gzip} B gzip)`,
      ],
    },
  };
}
