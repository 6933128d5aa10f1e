// update-bytes: bytes a static host sends for an update after one stylesheet changed, on three
// kinds of site (Sphinx, DocBook, hand-written; lib/update-sites.mjs).
// OURS: `shellac build` of v1, and of v2 into a new folder (default config): the manifest's
// entries inlined into sw.js. Reported beside: the same builds with a hand-written sw.js (the
// entries in the manifest file alone), measured the same way.
// PEER: Workbox 7.4 generateSW on a copy of each version, with the same features as in
// `worker-size` (same precache globs as Shellac's defaults, NetworkFirst pages, offline fallback),
// its runtime in its own workbox-<hash>.js (generateSW's default), skipWaiting + clientsClaim.
// LIMIT: the changed stylesheet as the host sends it (gzipped, headers included) + 1 KB.
// The host (lib/precache-server.mjs, gzip on) gzips text and answers If-None-Match with 304.
// Each contender: fresh context, install v1 and wait for activation, switch the host to v2,
// reset its counter, registration.update() from the page, wait for the new worker's activation.
// Shellac's worker then looks for updates, as its next navigation past `checkSeconds` does: it
// reads the manifest file, a 200 once after each deploy. Counted less the 304 of a look between
// deploys, which every look costs whether or not there was an update.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/browser.mjs';
import { builtManifest, builtWorker, cliMissing, hasCli } from '../lib/shellac.mjs';
import { sha256 } from '../lib/precache-site.mjs';
import { startPrecacheServer } from '../lib/precache-server.mjs';
import { OFFLINE_HTML } from '../lib/site.mjs';
import { OFFLINE_URL, workboxRuntime } from '../lib/peers.mjs';
import { MESSAGE } from '@shellac/protocol';
import { UPDATE_SITES, changeStylesheet } from '../lib/update-sites.mjs';
import {
  buildShellac, buildWorkbox, cacheKeys, cachedHashesOf, missingAssets, openBench, registerAndActivate, shellacKeys, updateAndActivate,
} from '../lib/precache-contenders.mjs';

export const id = 'update-bytes';
export const what = 'bytes a gzipping, ETag-answering static host sends for an update after one stylesheet changed (sum of a Sphinx, a DocBook and a hand-written site)';
export const unit = 'bytes';
// Issue 13: ≤ 0.8 × Workbox and ≤ 1.2 × the limit (changed bytes + 1 KB), on each kind of site.
export const goal = { against: 'peer', max: 0.8 };
export const peerName = 'Workbox';
export const goals = [{ against: 'limit', max: 1.2, label: 'limit' }];
const LIMIT_GOAL = 1.2;
const LIMIT_SLACK = 1024;
const SETTLE_MS = 500;

/** Shellac's default precache globs and the offline page: what the Workbox peer precaches too. */
const PRECACHE_GLOBS = ['**/*.{css,js,mjs,woff,woff2,ttf,otf,svg,png,jpg,jpeg,gif,webp,avif,ico}', OFFLINE_URL];

/** Workbox's build of a site version: its offline page added, the same features as Shellac's. */
function workbox(site, dir) {
  const { inlineWorkboxRuntime, ...runtime } = workboxRuntime();
  return buildWorkbox(site, dir, {
    ...runtime,
    globPatterns: PRECACHE_GLOBS,
    skipWaiting: true,
    clientsClaim: true,
    // generateSW's default: the runtime in its own immutable workbox-<hash>.js (not re-sent on update).
    inlineWorkboxRuntime: false,
    sourcemap: false,
  }).then((b) => (b.files.some((f) => f === 'sw.js') ? b : Promise.reject(new Error('generateSW wrote no sw.js'))));
}

/** A copy of the site with the peers' offline page in it. */
function withOffline(site, dir) {
  cpSync(site, dir, { recursive: true });
  writeFileSync(join(dir, OFFLINE_URL), OFFLINE_HTML);
  return dir;
}

/**
 * v1 installed and activated, then the update to v2; resolves the update's responses. `keys`: the
 * builds whose sw.js carries the entries (a hand-written sw.js does not), v1's then v2's.
 */
async function measure(browser, { kind, v1, v2, keys = [v1, v2] }, change) {
  const server = await startPrecacheServer({ root: v1, delayMs: 0, gzip: true });
  const { context, page } = await openBench(browser, server.url);
  try {
    await registerAndActivate(page);
    await server.idle();
    const missing = missingAssets(await cacheKeys(page), [{ rel: change.rel }], kind, keys[0]);
    if (missing.length) throw new Error(`${kind}: v1 left ${change.rel} out of its cache`);
    server.setRoot(v2);
    server.reset();
    const ms = await updateAndActivate(page);
    await new Promise((r) => setTimeout(r, SETTLE_MS)); // anything the new worker fetches late
    let steadyLook;
    if (kind === 'shellac') {
      await look(page);
      await server.idle();
      // A look between deploys (a 304) is what every look costs anyway: the update's share of
      // its look is the difference.
      const mark = server.log.length;
      await look(page);
      await server.idle();
      steadyLook = server.log.splice(mark).map(({ path, status, bytes }) => ({ url: path, status, bytes }));
      if (steadyLook.length !== 1 || steadyLook[0].status !== 304) throw new Error(`shellac: a second look sent ${JSON.stringify(steadyLook)}, not one 304`);
    }
    await server.idle();
    const log = server.log.map(({ path, search, status, bytes }) => ({ url: path + search, status, bytes }));
    const key = kind === 'shellac' ? shellacKeys(keys[1]).get(change.rel) : undefined;
    const hashes = await cachedHashesOf(page, change.rel, key);
    if (!hashes.includes(change.after)) throw new Error(`${kind}: after the update the cache does not hold the new ${change.rel}`);
    const steady = steadyLook?.[0].bytes ?? 0;
    return { server, bytes: log.reduce((s, e) => s + e.bytes, 0) - steady, requests: log.length, log, ms: Math.round(ms), ...(steadyLook && { steadyLook: steadyLook[0] }) };
  } catch (err) {
    await server.close();
    throw err;
  } finally {
    await context.close();
  }
}

/** The controlling worker looks for updates (`shellac:check`) and finds its own version deployed. */
async function look(page) {
  const check = await page.evaluate((type) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data);
    navigator.serviceWorker.controller.postMessage({ type }, [channel.port2]);
  }), MESSAGE.check);
  if (check?.outcome !== 'current') throw new Error(`shellac: the worker's look for updates said ${JSON.stringify(check)}, not current`);
}

/**
 * A copy of a Shellac build as a hand-written sw.js has it: sw.js without the entries (and the
 * pack and hashed folders), and the whole manifest in shellac-manifest.json, which the worker
 * fetches at install.
 */
function handWritten(build, dir) {
  cpSync(build, dir, { recursive: true });
  const sw = builtWorker(build);
  const { entries: _entries, pack: _pack, hashedFolders: _folders, ...rest } = sw.config;
  writeFileSync(join(dir, 'sw.js'), sw.withConfig(rest));
  writeFileSync(join(dir, 'shellac-manifest.json'), JSON.stringify(builtManifest(build)));
  return dir;
}

/**
 * What the update would have sent with the entries both in sw.js and in the manifest file, as
 * builds before the version-only manifest file did: the measured update, with the look's answer
 * carrying the whole manifest (its headers as measured, the body gzipped at level 6 as the host
 * gzips it).
 */
function bothForm(build, log) {
  const gz = (b) => gzipSync(b, { level: 6 }).length;
  const versionOnly = readFileSync(join(build, 'shellac-manifest.json'), 'utf8');
  const wholeManifestGzip = gz(JSON.stringify(builtManifest(build)));
  const versionOnlyGzip = gz(versionOnly);
  const lookResponse = log.find((e) => e.url === '/shellac-manifest.json')?.bytes ?? 0;
  return { extra: wholeManifestGzip - versionOnlyGzip, wholeManifestGzip, versionOnlyGzip, lookResponse };
}

async function site(ctx, browser, kind, servers) {
  const v1 = join(ctx.tmp, `${kind}-v1`);
  const changedRel = UPDATE_SITES[kind](v1);
  const v2 = join(ctx.tmp, `${kind}-v2`);
  cpSync(v1, v2, { recursive: true });
  const change = changeStylesheet(v2, changedRel);
  change.after = sha256(readFileSync(join(v2, changedRel)));
  const wb = { kind: 'workbox', v1: (await workbox(withOffline(v1, join(ctx.tmp, `${kind}-wb1-src`)), join(ctx.tmp, `${kind}-wb1`))).dir, v2: (await workbox(withOffline(v2, join(ctx.tmp, `${kind}-wb2-src`)), join(ctx.tmp, `${kind}-wb2`))).dir };
  const noAssets = [];
  const shellac = hasCli() && { kind: 'shellac', v1: (await buildShellac(v1, join(ctx.tmp, `${kind}-s1`), noAssets)).dir, v2: (await buildShellac(v2, join(ctx.tmp, `${kind}-s2`), noAssets)).dir };
  // The same builds with a hand-written sw.js: the entries in the manifest file alone.
  const separate = shellac && { kind: 'shellac', v1: handWritten(shellac.v1, join(ctx.tmp, `${kind}-h1`)), v2: handWritten(shellac.v2, join(ctx.tmp, `${kind}-h2`)), keys: [shellac.v1, shellac.v2] };
  const results = {};
  for (const [name, c] of Object.entries({ workbox: wb, ...(shellac && { ours: shellac, oursSeparate: separate }) })) {
    const r = await measure(browser, c, change);
    servers.push(r.server);
    results[name] = r;
    ctx.log(`${kind} ${name}: ${r.bytes} B in ${r.requests} responses (${r.log.map((e) => `${e.url} ${e.status} ${e.bytes}`).join(', ')})`);
  }
  // The changed file as the host sends it to a browser (gzipped, headers included).
  const changed = (await results.workbox.server.probe(`/${changedRel}`, { 'Accept-Encoding': 'gzip, deflate, br' })).bytes;
  const limit = changed + LIMIT_SLACK;
  return { kind, change: { rel: changedRel, rawBytes: change.size, sentBytes: changed }, limit, results, forms: shellac && bothForm(shellac.v2, results.ours.log) };
}

export async function run(ctx) {
  const browser = await launchChromium();
  const servers = [];
  const sites = [];
  try {
    for (const kind of Object.keys(UPDATE_SITES)) sites.push(await site(ctx, browser, kind, servers));
  } finally {
    await browser.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
  }
  const sum = (f) => sites.reduce((n, s) => n + f(s), 0);
  const perSite = Object.fromEntries(sites.map((s) => [s.kind, {
    ours: s.results.ours?.bytes ?? null,
    workbox: s.results.workbox.bytes,
    limit: s.limit,
    oursOverWorkbox: s.results.ours ? Number((s.results.ours.bytes / s.results.workbox.bytes).toFixed(3)) : null,
    oursOverLimit: s.results.ours ? Number((s.results.ours.bytes / s.limit).toFixed(3)) : null,
    changed: s.change,
    ...(s.forms && { manifestForms: { ...s.forms, oursSeparate: s.results.oursSeparate.bytes, oursBoth: s.results.ours.bytes + s.forms.extra } }),
  }]));
  const checks = sites.filter((s) => s.results.ours).flatMap((s) => [
    { label: `Workbox (${s.kind})`, ratio: s.results.ours.bytes / s.results.workbox.bytes, max: goal.max },
    { label: `limit (${s.kind})`, ratio: s.results.ours.bytes / s.limit, max: LIMIT_GOAL },
  ]);
  const breakdown = Object.fromEntries(sites.map((s) => [s.kind, Object.fromEntries(Object.entries(s.results).map(([n, r]) => [n, { bytes: r.bytes, requests: r.requests, updateMs: r.ms, responses: r.log }]))]));
  const line = (s) => {
    const p = perSite[s.kind];
    const parts = (r) => r.log.map((e) => `${e.url.split('?')[0].replace(/^\//, '')} ${e.status} ${e.bytes}`).join(', ');
    return `${s.kind}: Shellac ${p.ours ?? '—'} B (${s.results.ours ? parts(s.results.ours) : 'not built'}), Workbox ${p.workbox} B (${parts(s.results.workbox)}), limit ${p.limit} B (${s.change.rel} sent as ${s.change.sentBytes} B + 1,024); ÷ Workbox ${p.oursOverWorkbox}, ÷ limit ${p.oursOverLimit}`;
  };
  const result = {
    ours: sites.every((s) => s.results.ours) ? sum((s) => s.results.ours.bytes) : null,
    peer: sum((s) => s.results.workbox.bytes),
    limit: sum((s) => s.limit),
    runs: 1,
    checks,
    peers: Object.fromEntries(sites.flatMap((s) => [[`${s.kind}Ours`, perSite[s.kind].ours], [`${s.kind}Workbox`, perSite[s.kind].workbox], [`${s.kind}Limit`, s.limit]])),
    details: {
      perSite,
      breakdown,
      notes: [
        ...sites.map(line),
        'bytes = what the host wrote to the TCP socket for each response of the update (status line, headers, body; 304s included); request bytes not counted; one run: the figures are deterministic',
        'the host gzips text (level 6) for requests that accept it, sends Cache-Control: no-cache and an ETag, and answers a matching If-None-Match with 304',
        `update = registration.update() from the page after v1 was active, until the new worker is activated, plus ${SETTLE_MS} ms; both activate at once (Shellac by default, Workbox with skipWaiting); then, for Shellac, its worker's look for updates (shellac:check), which reads shellac-manifest.json: its 200 after the deploy is counted less the 304 a look between deploys gets (${sites.filter((s) => s.results.ours?.steadyLook).map((s) => `${s.kind} ${s.results.ours.steadyLook.bytes} B`).join(', ')}), the part the update causes; Workbox has no such look (Shellac's looks, at most one per checkSeconds of browsing, are the price of retiring and self-repair)`,
        `Shellac with a hand-written sw.js, the entries in shellac-manifest.json alone (measured: the install downloads the manifest, the look revalidates it): ${sites.filter((s) => s.forms).map((s) => `${s.kind} ${perSite[s.kind].manifestForms.oursSeparate} B against ${perSite[s.kind].ours} B`).join('; ')}; with the entries in both (sw.js and a whole manifest file, the look downloading it): ${sites.filter((s) => s.forms).map((s) => `${s.kind} ${perSite[s.kind].manifestForms.oursBoth} B`).join('; ')} (details.perSite.*.manifestForms)`,
      ],
    },
  };
  if (result.ours == null) throw cliMissing(result);
  return result;
}
