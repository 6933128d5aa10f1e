// worker-size: gzip bytes of the service worker a documentation site ships.
// OURS: `shellac build` → <out>/sw.js plus the runtime file it loads (importScripts of
// shellac-runtime.<hash>.js), each gzipped on its own as a server sends them; the manifest
// (its own JSON file, or its entries inlined in sw.js) is counted as the peer's: reduced to the
// offline page's entry.
// PEER: Workbox generateSW with the same features, its runtime inlined, manifest reduced to the
// offline page (see README). The runtime's minified bytes per module are in details.
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import workboxBuild from 'workbox-build';
import { injectManifest } from '@serwist/build';
import { FIXTURES, ROOT } from '../lib/paths.mjs';
import { gzipFileSize, gzipSize } from '../lib/gzip.mjs';
import { docsSite, OFFLINE_HTML, dirStats } from '../lib/site.mjs';
import { DOCS_GLOBS, OFFLINE_URL, workboxGenerateOptions } from '../lib/peers.mjs';
import { builtWorker, requireCli, shellacBuild } from '../lib/shellac.mjs';

export const id = 'worker-size';
export const what = 'gzip -9 bytes of sw.js + the runtime file it loads, for a ~300-page docs site (page cache, offline fallback, precache; manifest excluded)';
export const unit = 'bytes';
// Issue 13: a third of Workbox's generateSW with the same features (about 2,600 B).
export const goal = { against: 'peer', max: 0.35 };
export const peerName = 'Workbox';

const sizeOf = (path) => ({ bytes: statSync(path).size, gzip: gzipFileSize(path) });

async function workbox(site, dir, globPatterns) {
  const swDest = join(dir, 'sw.js');
  const { count, filePaths } = await workboxBuild.generateSW(workboxGenerateOptions({ site, swDest, globPatterns }));
  if (filePaths.length !== 1) throw new Error(`generateSW wrote ${filePaths.length} files, expected only sw.js: ${filePaths.join(', ')}`);
  return { ...sizeOf(swDest), entries: count };
}

/** Bundles `entry` with esbuild (minified, classic-script IIFE), then fills `self.__SW_MANIFEST`. */
async function bundled(entry, site, dir, globPatterns) {
  const swSrc = join(dir, 'sw.src.js');
  const swDest = join(dir, 'sw.js');
  await build({
    entryPoints: [entry], outfile: swSrc, bundle: true, minify: true, format: 'iife', target: 'es2020',
    legalComments: 'none', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
  });
  const { count } = await injectManifest({ swSrc, swDest, globDirectory: site, globPatterns });
  return { ...sizeOf(swDest), entries: count };
}

/**
 * Minified bytes per module of the runtime a default build ships (createShellac with no routes,
 * no identity, no save), from esbuild's metafile: where the runtime's bytes go. esbuild only (the
 * CLI also runs terser, ~6% smaller), and raw bytes: gzip does not split by module.
 */
async function runtimeBreakdown() {
  const contents = "import { createShellac } from '@shellac/worker'; self.shellac = (c) => createShellac(c).listen(self);";
  const r = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' }, bundle: true, minify: true, format: 'iife', target: 'es2022',
    write: false, metafile: true, legalComments: 'none', logLevel: 'warning', platform: 'browser',
  });
  const [out] = Object.values(r.metafile.outputs);
  const byModule = {};
  for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
    // packages/worker/dist/precache/precache.js → precache/precache
    const name = file.replace(/^.*packages\/(worker|protocol)\/dist\//, '$1:').replace(/\.js$/, '');
    if (bytesInOutput) byModule[name] = bytesInOutput;
  }
  const sorted = Object.fromEntries(Object.entries(byModule).sort((a, b) => b[1] - a[1]));
  const byFolder = {};
  for (const [name, n] of Object.entries(sorted)) {
    const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : name;
    byFolder[folder] = (byFolder[folder] ?? 0) + n;
  }
  return { minifiedBytes: out.bytes, gzip: gzipSize(r.outputFiles[0].contents), byFolder: Object.fromEntries(Object.entries(byFolder).sort((a, b) => b[1] - a[1])), byModule: sorted };
}

export async function run(ctx) {
  const { dir: site, reused } = docsSite();
  const stats = await dirStats(site);
  ctx.log(`docs site: ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB${reused ? ' (cached)' : ''}`);

  // Peers get a copy of the site with an offline page in it (Shellac's build supplies its own).
  const peerSite = join(ctx.tmp, 'docs-site-peer');
  cpSync(site, peerSite, { recursive: true });
  writeFileSync(join(peerSite, OFFLINE_URL), OFFLINE_HTML);
  const out = (name) => { const d = join(ctx.tmp, name); mkdirSync(d, { recursive: true }); return d; };

  const wbFull = await workbox(peerSite, out('workbox-full'), DOCS_GLOBS);
  const wbExcluded = await workbox(peerSite, out('workbox-excluded'), [OFFLINE_URL]);
  const wbEmpty = await workbox(peerSite, out('workbox-empty'), ['__matches-nothing__/**']);
  const serwist = await bundled(join(FIXTURES, 'serwist-sw.js'), peerSite, out('serwist'), [OFFLINE_URL]);
  const serwistFull = await bundled(join(FIXTURES, 'serwist-sw.js'), peerSite, out('serwist-full'), DOCS_GLOBS);
  const minimal = await bundled(join(FIXTURES, 'minimal-sw.js'), peerSite, out('minimal'), [OFFLINE_URL]);

  const partial = {
    peer: wbExcluded.gzip,
    runs: 1,
    peers: {
      workboxManifestExcluded: wbExcluded.gzip,
      workboxWithManifest: wbFull.gzip,
      workboxEmptyManifest: wbEmpty.gzip,
      serwist: serwist.gzip,
      serwistWithManifest: serwistFull.gzip,
      minimal: minimal.gzip,
    },
    details: {
      site: stats,
      peerManifestEntries: { excluded: wbExcluded.entries, full: wbFull.entries },
      rawBytes: {
        workboxManifestExcluded: wbExcluded.bytes, workboxWithManifest: wbFull.bytes, workboxEmptyManifest: wbEmpty.bytes,
        serwist: serwist.bytes, serwistWithManifest: serwistFull.bytes, minimal: minimal.bytes,
      },
      notes: [
        "peer = Workbox with only offline.html in its manifest (the entry the fallback needs); Workbox inlines the manifest into sw.js",
        "workboxEmptyManifest: with zero entries Workbox's template leaves out precacheAndRoute, so that worker cannot serve the offline page",
      ],
    },
  };

  requireCli(partial);
  const shellacOut = join(ctx.tmp, 'shellac-out');
  try {
    await shellacBuild(site, shellacOut);
  } catch (err) {
    throw Object.assign(new Error(`Shellac's build failed: ${err.message}`), { partial });
  }
  // sw.js carries the manifest's entries when the build inlines them: counted as the peer's
  // manifest is, reduced to the offline page's entry (the whole list is in details.ourManifest).
  const built = builtWorker(shellacOut);
  const swText = built.text;
  const { pack: _pack, ...swConfig } = built.config;
  const inlined = Array.isArray(swConfig.entries);
  const reduced = inlined && Buffer.from(built.withConfig({ ...swConfig, entries: swConfig.entries.filter((e) => e[0] === OFFLINE_URL) }));
  const sw = reduced ? { bytes: reduced.length, gzip: gzipSize(reduced) } : sizeOf(join(shellacOut, 'sw.js'));
  if (reduced) {
    partial.details.swInlinedManifest = { bytes: Buffer.byteLength(swText), gzip: gzipSize(Buffer.from(swText)), entries: swConfig.entries.length };
    partial.details.notes.push(`Shellac's sw.js inlines the manifest's ${swConfig.entries.length} entries: counted reduced to the offline page's entry, as the peer's manifest is (${sw.gzip} B gzip; ${partial.details.swInlinedManifest.gzip} B whole)`);
  }
  // The runtime sw.js loads: named in its importScripts call.
  const runtimeName = swText.match(/importScripts\("([^"]+)"\)/)?.[1];
  if (!runtimeName) throw Object.assign(new Error("Shellac's sw.js loads no runtime file (no importScripts)"), { partial });
  const runtime = sizeOf(join(shellacOut, runtimeName));
  // For the record: the separate manifest Shellac writes (not counted in `ours`).
  const manifests = readdirSync(shellacOut).filter((f) => /manifest.*\.json$/.test(f));
  partial.details.ourManifest = Object.fromEntries(manifests.map((f) => {
    const buf = readFileSync(join(shellacOut, f));
    return [f, { bytes: buf.length, gzip: gzipSize(buf) }];
  }));
  partial.details.ours = { sw: sw.gzip, runtime: runtime.gzip, runtimeName };
  partial.details.rawBytes.ours = { sw: sw.bytes, runtime: runtime.bytes };
  partial.details.runtimeModules = await runtimeBreakdown();
  const top = Object.entries(partial.details.runtimeModules.byFolder).slice(0, 8).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
  partial.details.notes.push(
    `ours = sw.js ${sw.gzip.toLocaleString('en-US')} B + ${runtimeName} ${runtime.gzip.toLocaleString('en-US')} B (gzip -9 each); the goal (0.35 × Workbox) is ${Math.round(goal.max * partial.peer).toLocaleString('en-US')} B`,
    `runtime, minified bytes by folder (esbuild metafile, before terser): ${top}`,
  );
  return { ours: sw.gzip + runtime.gzip, ...partial };
}
