// Bundles browser test files with esbuild, once per run: each test file becomes one script (a
// service-worker script for packages/worker, a page script for the others) that loads the file
// and runs its tests, with node:test and node:assert/strict replaced by test-support/browser.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { RUN_MESSAGE } from './runner-pages.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUPPORT = join(ROOT, 'test-support/browser');
const SHIMS = { 'node:test': join(SUPPORT, 'node-test.ts'), 'node:assert/strict': join(SUPPORT, 'assert.ts') };
/** Where esbuild would write (it writes nothing): source map paths are relative to it. */
export const OUT_DIR = join(ROOT, '.browser-tests');
/** Packages the runner also serves as ES modules, for scripts a test writes itself (a worker of its own). */
const PACKAGES = ['protocol', 'worker', 'client'];

/** Where a test file runs: worker tests in a service worker, every other browser test in a page. */
export function kindOf(file) {
  return relative(ROOT, resolve(file)).split(sep).join('/').startsWith('packages/worker/') ? 'worker' : 'page';
}

const plugin = {
  name: 'browser-tests',
  setup(b) {
    b.onResolve({ filter: /^unit-entry:/ }, (args) => ({ path: args.path.slice('unit-entry:'.length), namespace: 'unit-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'unit-entry' }, (args) => ({
      // require() (not import) so the file loads inside start(): an error at load becomes a failure
      // the runner reports, rather than a script that does not evaluate (a worker that does not install).
      contents: `import { start } from ${JSON.stringify(join(SUPPORT, 'start.ts'))};\nstart(${JSON.stringify(kindOf(args.path))}, () => require(${JSON.stringify(args.path)}));\n`,
      resolveDir: ROOT,
      loader: 'ts',
    }));
    b.onResolve({ filter: /^node:/ }, (args) =>
      SHIMS[args.path]
        ? { path: SHIMS[args.path] }
        : { errors: [{ text: `browser tests can import node:test and node:assert/strict only, not ${args.path}` }] },
    );
    // The sources, not dist: a test runs what is in the tree, without a build first.
    b.onResolve({ filter: /^@shellac\/[a-z]+$/ }, (args) => {
      const name = args.path.slice('@shellac/'.length);
      return PACKAGES.includes(name) ? { path: join(ROOT, `packages/${name}/src/index.ts`) } : undefined;
    });
  },
};

const common = { bundle: true, write: false, platform: 'browser', target: 'es2022', outdir: OUT_DIR, logLevel: 'silent', plugins: [plugin] };

/**
 * Returns the scripts by id (`f0`, `f1`, … in the order of `files`): `{ file, kind, js, map }`, and
 * the packages as modules by name. Throws esbuild's messages when a file does not build.
 */
export async function bundleTests(files) {
  const entryPoints = Object.fromEntries(files.map((f, i) => [`f${i}`, `unit-entry:${resolve(f)}`]));
  const [tests, modules] = await Promise.all([
    build({ ...common, entryPoints, format: 'iife', sourcemap: 'external', sourcesContent: false, define: { SHELLAC_UNIT_RUN: JSON.stringify(RUN_MESSAGE) } }).catch(explain),
    build({ ...common, entryPoints: Object.fromEntries(PACKAGES.map((p) => [p, join(ROOT, `packages/${p}/src/index.ts`)])), format: 'esm' }).catch(explain),
  ]);
  const out = (result, name) => result.outputFiles.find((o) => o.path === join(OUT_DIR, name))?.text;
  const scripts = new Map(files.map((file, i) => [`f${i}`, { file, kind: kindOf(file), js: out(tests, `f${i}.js`), map: out(tests, `f${i}.js.map`) }]));
  const packages = new Map(PACKAGES.map((p) => [p, out(modules, `${p}.js`)]));
  return { scripts, packages };
}

function explain(error) {
  const lines = (error.errors ?? []).map((m) => `${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''}${m.text}`);
  throw new Error(`browser tests: the bundle failed:\n  ${lines.join('\n  ') || error.message}`);
}
