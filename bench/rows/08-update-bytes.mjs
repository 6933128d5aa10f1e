// update-bytes: bytes the server sends for an update after 1 of 300 precached assets changed.
// OURS: Shellac (`shellac build` v1, then again into a new folder for v2).
// LIMIT: what an update must fetch: the changed asset + shellac-manifest.json + sw.js, each as
// the server sends it (headers included, counted exactly as the update's responses are).
// Extra peers (informative): Workbox 7.4 generateSW and Serwist 9.5 injectManifest, rebuilt.
// Each contender: fresh context, install v1 and wait for activation, switch the server to v2,
// reset its counter, registration.update() from the page, wait for the new worker's activation.
import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../lib/browser.mjs';
import { gzipFileSize } from '../lib/gzip.mjs';
import { cliMissing, hasCli } from '../lib/shellac.mjs';
import { changeAsset, writePrecacheSite } from '../lib/precache-site.mjs';
import { startPrecacheServer } from '../lib/precache-server.mjs';
import {
  buildSerwist, buildShellac, buildWorkbox, bundleSerwist, cacheKeys, cachedHashesOf, missingAssets, openBench,
  registerAndActivate, updateAndActivate,
} from '../lib/precache-contenders.mjs';

export const id = 'update-bytes';
export const what = 'bytes the server sends for an update after 1 of 300 precached assets changed';
export const unit = 'bytes';
// Issue #5: at most 5% over the changed asset + manifest + sw.js.
export const goal = { against: 'limit', max: 1.05 };

// Bytes do not depend on the delay: the server answers at once here (precache-install has the delay).
const DELAY_MS = 0;
const SETTLE_MS = 500;

/** v1 installed and activated, then the update to v2; resolves the update's responses. */
async function measure(browser, { kind, v1, v2 }, site, change) {
  const server = await startPrecacheServer({ root: v1, delayMs: DELAY_MS });
  const { context, page } = await openBench(browser, server.url);
  try {
    await registerAndActivate(page);
    await server.idle();
    const missing = missingAssets(await cacheKeys(page), site.assets, kind);
    if (missing.length) throw new Error(`${kind}: v1 left ${missing.length} assets out of its cache (e.g. ${missing[0].rel})`);
    server.setRoot(v2);
    server.reset();
    const ms = await updateAndActivate(page);
    await new Promise((r) => setTimeout(r, SETTLE_MS)); // anything the new worker fetches late
    await server.idle();
    const log = server.log.map(({ path, search, status, bytes }) => ({ url: path + search, status, bytes }));
    const hashes = await cachedHashesOf(page, change.rel, change.after);
    if (!hashes.includes(change.after)) throw new Error(`${kind}: after the update the cache does not hold the new ${change.rel}`);
    return { server, bytes: log.reduce((s, e) => s + e.bytes, 0), requests: log.length, log, ms: Math.round(ms) };
  } catch (err) {
    await server.close();
    throw err;
  } finally {
    await context.close();
  }
}

export async function run(ctx) {
  const v1 = writePrecacheSite(join(ctx.tmp, 'site-v1'));
  const v2Dir = join(ctx.tmp, 'site-v2');
  cpSync(v1.dir, v2Dir, { recursive: true });
  const change = changeAsset(v2Dir);
  ctx.log(`site: ${v1.assets.length} assets, ${(v1.bytes / 1024).toFixed(0)} KiB; v2 changes ${change.rel} (${change.size} B, same size)`);

  const swSrc = await bundleSerwist(join(ctx.tmp, 'serwist-src'));
  const contenders = {
    workbox: { kind: 'workbox', v1: (await buildWorkbox(v1.dir, join(ctx.tmp, 'workbox-v1'))).dir, v2: (await buildWorkbox(v2Dir, join(ctx.tmp, 'workbox-v2'))).dir },
    serwist: { kind: 'serwist', v1: (await buildSerwist(v1.dir, join(ctx.tmp, 'serwist-v1'), swSrc)).dir, v2: (await buildSerwist(v2Dir, join(ctx.tmp, 'serwist-v2'), swSrc)).dir },
  };
  let shellacBuilds;
  if (hasCli()) {
    shellacBuilds = [await buildShellac(v1.dir, join(ctx.tmp, 'shellac-v1'), v1.assets), await buildShellac(v2Dir, join(ctx.tmp, 'shellac-v2'), v1.assets)];
    contenders.ours = { kind: 'shellac', v1: shellacBuilds[0].dir, v2: shellacBuilds[1].dir };
  }

  const browser = await launchChromium();
  const results = {};
  const servers = [];
  let limit;
  let limitParts;
  try {
    for (const [name, c] of Object.entries(contenders)) {
      const r = await measure(browser, c, v1, change);
      servers.push(r.server);
      results[name] = r;
      ctx.log(`${name}: ${r.bytes} B in ${r.requests} responses (${r.log.map((e) => `${e.url} ${e.status} ${e.bytes}`).join(', ')})`);
    }
    if (results.ours) {
      // The limit, counted like the update's responses: plain 200 GETs of the three files from v2.
      const srv = results.ours.server;
      const manifest = `/shellac-manifest.json?v=${shellacBuilds[1].version}`;
      limitParts = {};
      for (const url of ['/sw.js', manifest, `/${change.rel}`]) limitParts[url] = (await srv.probe(url)).bytes;
      limit = Object.values(limitParts).reduce((a, b) => a + b, 0);
    }
  } finally {
    await browser.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
  }

  const breakdown = Object.fromEntries(Object.entries(results).map(([n, r]) => [n, { bytes: r.bytes, requests: r.requests, updateMs: r.ms, responses: r.log }]));
  // For reference: the text bodies of each update (sw.js, manifest) raw and at gzip -9, which a
  // server that compresses would send instead (this one does not compress).
  const textBodies = Object.fromEntries(Object.entries(results).map(([n, r]) => [n, Object.fromEntries(r.log
    .filter((e) => e.status === 200 && /\.(js|json)$/.test(e.url.split('?')[0]))
    .map((e) => {
      const file = join(contenders[n].v2, e.url.split('?')[0]);
      return [e.url, { raw: statSync(file).size, gzip: gzipFileSize(file) }];
    }))]));
  const partial = {
    runs: 1,
    peers: { workbox: results.workbox.bytes, serwist: results.serwist.bytes },
    details: {
      changedAsset: change,
      breakdown,
      textBodies,
      notes: [
        'bytes = what the server wrote to the TCP socket per response: status line, headers and body (HTTP/1.1, Content-Length, no compression); request bytes not counted',
        'the server sends Cache-Control: no-cache and a strong ETag on every file and answers a matching If-None-Match with 304 (counted like any response)',
        `limit = the three responses an update needs (sw.js, shellac-manifest.json?v=…, the changed ${change.rel}) as the same server sends them for a plain GET`,
        `update = registration.update() from the page after v1 was active, until the new worker is activated, plus ${SETTLE_MS} ms; Shellac activates at once by default, the peers use skipWaiting`,
        "peers (informative): Workbox's and Serwist's manifests are inlined in sw.js; generateSW's default keeps its runtime in a separate workbox-<hash>.js that the browser revalidates on update",
        `served without delay (the bytes do not depend on it); one run: the figures are deterministic`,
      ],
    },
  };
  if (!results.ours) throw cliMissing(partial);
  partial.details.limitParts = limitParts;
  return { ours: results.ours.bytes, limit, ...partial };
}
