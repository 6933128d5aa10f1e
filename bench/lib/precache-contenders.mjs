// Builds of the precache test site (lib/precache-site.mjs) for each contender, and the browser
// steps `precache-install` and `update-bytes` share. Each build is a folder served whole by a
// lib/precache-server.mjs server:
//
// - Shellac: `shellac build <site> --out <out>` with the default config, as users run it.
// - Workbox: a copy of the site plus workbox-build `generateSW` (its defaults: separate
//   workbox-<hash>.js runtime, source map, `mode: 'production'`), `skipWaiting` and `clientsClaim`
//   on so an update activates at once, as Shellac's default `activate: 'immediately'` does.
// - Serwist: a copy of the site plus `fixtures/precache-serwist-sw.js` (precache concurrency
//   10, skipWaiting, clientsClaim) bundled by esbuild, then `@serwist/build` `injectManifest`.
import { cpSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import workboxBuild from 'workbox-build';
import { injectManifest } from '@serwist/build';
import { FIXTURES } from './paths.mjs';
import { builtManifest, shellacBuild } from './shellac.mjs';
import { BENCH_PAGE } from './precache-server.mjs';
import { PEER_GLOBS } from './precache-site.mjs';

/** `shellac build`; checks the manifest holds every asset. Resolves `{ dir, entries, version, swBytes }`. */
export async function buildShellac(site, out, assets) {
  try {
    await shellacBuild(site, out);
  } catch (err) {
    throw new Error(`Shellac's build failed: ${err.message}`);
  }
  const manifest = builtManifest(out);
  const urls = new Set(manifest.entries.map((e) => e[0].replace(/^\//, '')));
  const missing = assets.filter((a) => !urls.has(a.rel));
  if (manifest.entries.length < assets.length || missing.length) {
    throw new Error(`sw.js carries ${manifest.entries.length} entries; ${missing.length} of the ${assets.length} assets are missing (e.g. ${missing[0]?.rel})`);
  }
  return { dir: out, entries: manifest.entries.length, version: manifest.version, swBytes: statSync(join(out, 'sw.js')).size };
}

/**
 * A copy of the site with Workbox's generateSW output in it; `options` are added to (or replace)
 * the generateSW options. Resolves `{ dir, entries, files }`.
 */
export async function buildWorkbox(site, dir, options = {}) {
  cpSync(site, dir, { recursive: true });
  const { count, filePaths, warnings } = await workboxBuild.generateSW({
    globDirectory: dir,
    globPatterns: PEER_GLOBS,
    swDest: join(dir, 'sw.js'),
    mode: 'production',
    skipWaiting: true,
    clientsClaim: true,
    ...options,
  });
  if (warnings.length) throw new Error(`generateSW warned: ${warnings.join('; ')}`);
  return { dir, entries: count, files: filePaths.map((f) => f.slice(dir.length + 1)), swBytes: statSync(join(dir, 'sw.js')).size };
}

/** Bundles the Serwist fixture once (minified IIFE, as row worker-size does); returns its path. */
export async function bundleSerwist(tmp) {
  const swSrc = join(tmp, 'serwist-sw.src.js');
  mkdirSync(tmp, { recursive: true });
  await build({
    entryPoints: [join(FIXTURES, 'precache-serwist-sw.js')], outfile: swSrc, bundle: true, minify: true, format: 'iife',
    target: 'es2020', legalComments: 'none', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
  });
  return swSrc;
}

/** A copy of the site with the bundled Serwist worker, its manifest injected. Resolves `{ dir, entries }`. */
export async function buildSerwist(site, dir, swSrc) {
  cpSync(site, dir, { recursive: true });
  const { count, warnings } = await injectManifest({ swSrc, swDest: join(dir, 'sw.js'), globDirectory: dir, globPatterns: PEER_GLOBS });
  if (warnings.length) throw new Error(`injectManifest warned: ${warnings.join('; ')}`);
  return { dir, entries: count, swBytes: statSync(join(dir, 'sw.js')).size };
}

// ---------------------------------------------------------------------------------------------
// Browser steps (run in the harness page, /__bench.html, which no contender's site contains).

/** A fresh context with the harness page of `url` loaded. */
export async function openBench(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(url + BENCH_PAGE);
  return { context, page };
}

// In the page: resolves when `worker` is activated, rejects when it turns redundant.
const WAIT_ACTIVATED = `(worker, limitMs) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('worker still ' + worker.state + ' after ' + limitMs + ' ms')), limitMs);
  const check = () => {
    if (worker.state === 'activated') { clearTimeout(timer); resolve(); }
    else if (worker.state === 'redundant') { clearTimeout(timer); reject(new Error('the worker became redundant: its install failed')); }
  };
  worker.addEventListener('statechange', check);
  check();
})`;

/**
 * `navigator.serviceWorker.register('/sw.js')` from the page; resolves the ms from just before
 * register() to that worker's `activated` (performance.now() in the page).
 */
export function registerAndActivate(page, limitMs = 150_000) {
  return page.evaluate(async ({ waitSrc, limitMs }) => {
    const waitActivated = (0, eval)(waitSrc);
    const t0 = performance.now();
    const reg = await navigator.serviceWorker.register('/sw.js');
    const worker = reg.installing ?? reg.waiting ?? reg.active;
    await waitActivated(worker, limitMs);
    return performance.now() - t0;
  }, { waitSrc: WAIT_ACTIVATED, limitMs });
}

/**
 * `registration.update()` from the page, then waits until the new worker is activated; resolves
 * the ms it took. Rejects when the browser found no new worker.
 */
export function updateAndActivate(page, limitMs = 150_000) {
  return page.evaluate(async ({ waitSrc, limitMs }) => {
    const waitActivated = (0, eval)(waitSrc);
    const reg = await navigator.serviceWorker.getRegistration('/');
    const old = reg.active;
    const found = new Promise((resolve) => reg.addEventListener('updatefound', () => resolve(reg.installing), { once: true }));
    const t0 = performance.now();
    await reg.update();
    const worker = await Promise.race([found, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]);
    if (!worker || worker === old) throw new Error('registration.update() found no new worker');
    await waitActivated(worker, limitMs);
    return performance.now() - t0;
  }, { waitSrc: WAIT_ACTIVATED, limitMs });
}

/** Every request URL held in any cache of the page's origin. */
export function cacheKeys(page) {
  return page.evaluate(async () => {
    const keys = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) keys.push(r.url);
    return keys;
  });
}

/**
 * Where Shellac's worker keeps each precached file of a build, by site path: under its own URL
 * when its name carries a hash (the manifest lists it by URL alone), else under
 * `/__shellac/h/<the manifest's hash>`. Paths, for a build served at the origin's root.
 */
export function shellacKeys(buildDir) {
  const { entries } = builtManifest(buildDir);
  return new Map(entries.map(([url, hash]) => [url.replace(/^\//, ''), hash === undefined ? `/${url.replace(/^\//, '')}` : `/__shellac/h/${hash}`]));
}

/**
 * The assets (of `[{ rel }]`) not in the worker's caches. Shellac keys bodies as `shellacKeys`
 * says (`buildDir`: its build); Workbox and Serwist by URL (plus `__WB_REVISION__`).
 */
export function missingAssets(keys, assets, kind, buildDir) {
  const paths = new Set(keys.map((k) => new URL(k).pathname));
  if (kind === 'shellac') {
    const expected = shellacKeys(buildDir);
    return assets.filter((a) => !paths.has(expected.get(a.rel)));
  }
  return assets.filter((a) => !paths.has(`/${a.rel}`));
}

/**
 * SHA-256 (hex) of every cached body stored under the asset's URL or under `key` (a path: where
 * Shellac keeps it, from `shellacKeys`).
 */
export function cachedHashesOf(page, rel, key) {
  return page.evaluate(async ({ rel, key }) => {
    const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
    const found = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const u = new URL(req.url);
        if (u.pathname !== `/${rel}` && u.pathname !== key) continue;
        const body = await (await cache.match(req)).arrayBuffer();
        found.push(hex(await crypto.subtle.digest('SHA-256', body)));
      }
    }
    return found;
  }, { rel, key });
}
