// Builds every package in dependency order: tsc emits ESM and declarations, esbuild makes the
// browser bundles the CLI copies into a site. Fails on the first error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { minify } from 'terser';
import { DJANGO_RUNTIME_DIR, freshDjangoRuntime } from './django-runtime.mjs';
import { prebuildRuntimes } from './prebuilt-runtimes.mjs';

const tsc = 'node_modules/typescript/bin/tsc';
for (const pkg of ['protocol', 'worker', 'client', 'server', 'cli']) {
  rmSync(`packages/${pkg}/dist`, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [tsc, '-p', `packages/${pkg}/tsconfig.build.json`], { stdio: 'inherit' });
  } catch {
    console.error(`build: @shellac/${pkg} has type errors (above)`);
    process.exit(1);
  }
}
// The browser builds of the client (`shellac build` copies them beside sw.js): bundled by esbuild,
// then minified by terser, which gets them ~12% smaller than esbuild alone (it names variables by
// frequency and inlines what is used once); every byte ships to every visitor.
// Imported once the loop above has built it.
const { FILES } = await import('@shellac/protocol');
const browserBuilds = [
  // Injected into pages: registers on load and exposes `window.shellac`.
  ['packages/client/src/auto.ts', 'shellac.js'],
  // The app shell's loader (`shellac build --app` emits it).
  ['packages/client/src/shell-auto.ts', 'shellac-shell.js'],
  // Save for offline (`save` in the config emits it): the API and the save buttons.
  ['packages/client/src/save-auto.ts', 'shellac-save.js'],
  // The rest of clearOfflineData() (see below), loaded on demand as a module.
  ['packages/client/src/clear-fallback.ts', FILES.clearClient, 'esm'],
];
// `clearOfflineData()`'s fallback is loaded by the page only when the worker did not clear: an
// ES module of its own beside shellac.js (`import()` in a classic script resolves against the
// script's URL), kept out of the script every page loads.
const CLEAR_CHUNK = /[/\\]clear-fallback\.js$/;
const clearChunk = {
  name: 'shellac-clear-chunk',
  setup(b) {
    b.onResolve({ filter: CLEAR_CHUNK }, (args) => (args.kind === 'dynamic-import' ? { path: `./${FILES.clearClient}`, external: true } : undefined));
  },
};
for (const [entry, name, format = 'classic'] of browserBuilds) {
  if (!existsSync(entry)) continue;
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, legalComments: 'none', plugins: [clearChunk] });
  // A classic script is bundled as a module and wrapped here, not as esbuild's iife: with an
  // external import() in it, that format adds ~400 B of CommonJS helpers nothing calls.
  const code = format === 'esm' ? result.outputFiles[0].text : `"use strict";(()=>{${result.outputFiles[0].text}})();`;
  const small = await minify(code, { ecma: 2020, module: format === 'esm', compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } });
  mkdirSync('packages/client/dist/browser', { recursive: true });
  writeFileSync(`packages/client/dist/browser/${name}`, small.code);
}
// The worker runtimes `shellac build` copies, prebuilt for the common feature sets: a build then
// reads a file instead of running esbuild and terser (~2.5 s, most of a small site's build).
console.log(`build: prebuilt worker runtimes ${await prebuildRuntimes()}`);
// The runtime and scripts the Python package ships (committed: pip needs no Node). Written only
// when changed, so a build leaves an up-to-date checkout as it was.
mkdirSync(DJANGO_RUNTIME_DIR, { recursive: true });
const shipped = await freshDjangoRuntime();
for (const name of readdirSync(DJANGO_RUNTIME_DIR)) if (name.endsWith('.js') && !shipped.has(name)) rmSync(`${DJANGO_RUNTIME_DIR}/${name}`);
for (const [name, bytes] of shipped) {
  const file = `${DJANGO_RUNTIME_DIR}/${name}`;
  if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
}
console.log('build: packages ready');
