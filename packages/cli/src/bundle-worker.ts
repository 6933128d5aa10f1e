import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { dirname, relative } from 'node:path';
import type { Plugin, PluginBuild } from 'esbuild';
import { RUNTIME_GLOBAL, type WorkerConfig } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';
import { nameOf, prebuiltRuntime } from './prebuilt-runtime.js';
import type { Runtime, RuntimeFeatures } from './runtime-features.js';
import { RUNTIME_DEFAULTS } from './worker-defaults.js';

/** The runtime's entry: defines `shellac(config)` on the worker's global scope, with the features asked for. */
function entry(f: RuntimeFeatures): string {
  const routed = f.strategies.length > 0;
  const imports = ['createShellac', ...(routed ? ['createRouter', 'applyRoutes', ...f.strategies] : []), ...(f.appShell ? ['createAppShell'] : []), ...(f.identity ? ['createIdentity'] : []), ...(f.save ? ['createSaved'] : []), ...(f.app ? ['createWorkerApp'] : [])];
  const parts = [
    routed && 'router',
    f.appShell && 'shell: c.appShell && createAppShell(c.appShell)',
    f.identity && 'identity: c.identity && createIdentity(c.identity)',
    f.save && 'saved: c.save && createSaved(c.save)',
    f.app && 'app: createWorkerApp({ ...c.app, app })',
  ].filter(Boolean);
  return [
    `import { ${imports.join(', ')} } from '@shellac/worker';`,
    f.app ? `import app from ${JSON.stringify(f.app)};` : '',
    `self.${RUNTIME_GLOBAL} = (c) => {`,
    routed ? `  const router = c.routes?.length ? createRouter() : undefined;` : '',
    `  const s = createShellac({ ...${JSON.stringify(RUNTIME_DEFAULTS)}, ...c${parts.length ? `, ${parts.join(', ')}` : ''} });`,
    routed ? `  if (router) applyRoutes(s, router, c.routes, { ${f.strategies.join(', ')} });` : '',
    `  s.listen(self);`,
    `};`,
  ].join('\n');
}

// One build per feature set in a process: a test or a bench builds many sites with the same ones.
const built = new Map<string, Promise<Runtime>>();

/**
 * The runtime for a feature set: immutable and named by its hash, so a deploy that changes only
 * the site's files or config downloads `sw.js` and the manifest, never the runtime again. The
 * common feature sets come prebuilt with the package (made by {@link compileRuntime} at its
 * build, the same bytes); the others, and any with a worker app, are compiled here.
 */
export function bundleRuntime(features: RuntimeFeatures): Promise<Runtime> {
  const ready = features.app ? undefined : prebuiltRuntime(features);
  if (ready) return Promise.resolve(ready);
  const key = JSON.stringify(features);
  let runtime = built.get(key);
  if (!runtime) {
    runtime = compileRuntime(features);
    runtime.catch(() => built.delete(key));
    built.set(key, runtime);
  }
  return runtime;
}

/**
 * Compiles the runtime for a feature set: esbuild bundles, terser then shrinks it a further ~6%
 * gzip. Both are loaded only here: a build that finds its runtime prebuilt never pays for them.
 */
export async function compileRuntime(features: RuntimeFeatures): Promise<Runtime> {
  try {
    const [{ build }, { minify }] = await Promise.all([import('esbuild'), import('terser')]);
    const result = await build({
      stdin: { contents: entry(features), resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'js', sourcefile: 'shellac-runtime.js' },
      bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, legalComments: 'none', logLevel: 'silent',
      platform: 'browser', plugins: [workerSafe()],
    });
    const small = await minify(result.outputFiles[0]!.text, { ecma: 2020, compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } });
    const code = small.code ?? result.outputFiles[0]!.text;
    return { name: nameOf(code), code };
  } catch (e) {
    if (e instanceof ShellacCliError) throw e;
    // esbuild's failure carries the plugin's message (the import chain) as its first error.
    const first = (e as { errors?: { text: string }[] }).errors?.[0]?.text; // esbuild's BuildFailure
    if (first?.startsWith(NODE_ONLY)) throw new ShellacCliError('worker-app', first.slice(NODE_ONLY.length), { file: features.app });
    throw new ShellacCliError('bundle', `could not bundle the worker runtime: ${(e as Error).message}${features.app ? '' : '. Reinstall @shellac/cli and @shellac/worker'}.`, { file: features.app }); // esbuild throws Error
  }
}

const NODE_ONLY = 'node-only: ';

/**
 * Refuses, with the chain of imports that reached it, a module only Node has (`node:*`, a Node
 * builtin, a native addon such as a database driver): a worker has none of them, and finding
 * out in the browser, offline, is too late.
 */
function workerSafe(): Plugin {
  const builtins = new Set(builtinModules);
  const native = /^(better-sqlite3|sqlite3|pg|pg-native|mysql2?|bcrypt|sharp|canvas|fsevents)(\/|$)/;
  return {
    name: 'shellac-worker-safe',
    setup(build: PluginBuild) {
      const parent = new Map<string, string>();
      const chain = (from: string) => {
        const links = [from];
        for (let at = parent.get(from); at && links.length < 50; at = parent.get(at)) links.unshift(at);
        return links.map((f) => (f.startsWith('/') ? relative(process.cwd(), f) : f));
      };
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        const bare = args.path.replace(/^node:/, '');
        if (args.path.startsWith('node:') || builtins.has(bare.split('/')[0]!) || native.test(args.path)) {
          const links = [...chain(args.importer), args.path];
          return { errors: [{ text: `${NODE_ONLY}${links.join(' → ')}: "${args.path}" runs only in Node, not in a service worker. Keep Node-only code (the database, the file system) out of what the worker app imports: give it the data through the app's synced data sources instead.` }] };
        }
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
        if (resolved.path && args.importer) parent.set(resolved.path, args.importer);
        return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path, external: resolved.external, namespace: resolved.namespace, sideEffects: resolved.sideEffects };
      });
    },
  };
}

/** `sw.js`: loads the runtime beside it, then starts it with this build's config (and version). */
export function workerScript(banner: string, runtime: string, config: WorkerConfig): string {
  return `${banner}importScripts(${JSON.stringify(runtime)});${RUNTIME_GLOBAL}(${JSON.stringify(config)});`;
}
