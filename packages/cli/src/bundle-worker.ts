import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minify } from 'terser';
import { RUNTIME_GLOBAL, runtimeFile, type StrategyName, type WorkerConfig } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';

/** What a runtime carries: only what a config uses, so a site pays for nothing else. */
export interface RuntimeFeatures {
  /** The strategies its routes name (none: no router at all). */
  strategies: StrategyName[];
  appShell: boolean;
  identity: boolean;
  save: boolean;
}

/** A built runtime: its content-hashed file name and its code. */
export interface Runtime {
  name: string;
  code: string;
}

/** The features a config uses. */
export function featuresOf(config: WorkerConfig): RuntimeFeatures {
  return {
    strategies: [...new Set((config.routes ?? []).map((r) => r.strategy))].sort(),
    appShell: !!config.appShell,
    identity: !!config.identity,
    save: !!config.save,
  };
}

/** Every feature and strategy: the runtime a backend without Node ships (Django's). */
export const ALL_FEATURES: RuntimeFeatures = { strategies: ['cacheFirst', 'cacheOnly', 'networkFirst', 'networkOnly', 'staleWhileRevalidate'], appShell: true, identity: true, save: true };

/** The runtime's entry: defines `shellac(config)` on the worker's global scope, with the features asked for. */
function entry(f: RuntimeFeatures): string {
  const routed = f.strategies.length > 0;
  const imports = ['createShellac', ...(routed ? ['createRouter', 'applyRoutes', ...f.strategies] : []), ...(f.appShell ? ['createAppShell'] : []), ...(f.identity ? ['createIdentity'] : []), ...(f.save ? ['createSaved'] : [])];
  const parts = [
    routed && 'router',
    f.appShell && 'shell: c.appShell && createAppShell(c.appShell)',
    f.identity && 'identity: c.identity && createIdentity(c.identity)',
    f.save && 'saved: c.save && createSaved(c.save)',
  ].filter(Boolean);
  return [
    `import { ${imports.join(', ')} } from '@shellac/worker';`,
    `self.${RUNTIME_GLOBAL} = (c) => {`,
    routed ? `  const router = c.routes?.length ? createRouter() : undefined;` : '',
    `  const s = createShellac({ ...c${parts.length ? `, ${parts.join(', ')}` : ''} });`,
    routed ? `  if (router) applyRoutes(s, router, c.routes, { ${f.strategies.join(', ')} });` : '',
    `  s.listen(self);`,
    `};`,
  ].join('\n');
}

// One build per feature set in a process: a test or a bench builds many sites with the same ones.
const built = new Map<string, Promise<Runtime>>();

/**
 * Bundles the runtime for a feature set: immutable and named by its hash, so a deploy that
 * changes only the site's files or config downloads `sw.js` and the manifest, never the runtime
 * again. esbuild bundles; terser then shrinks it a further ~6% gzip.
 */
export function bundleRuntime(features: RuntimeFeatures): Promise<Runtime> {
  const key = JSON.stringify(features);
  let runtime = built.get(key);
  if (!runtime) {
    runtime = (async () => {
      try {
        const result = await build({
          stdin: { contents: entry(features), resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'js', sourcefile: 'shellac-runtime.js' },
          bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, legalComments: 'none', logLevel: 'silent',
        });
        const small = await minify(result.outputFiles[0]!.text, { ecma: 2020, compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } });
        const code = small.code ?? result.outputFiles[0]!.text;
        return { name: runtimeFile(createHash('sha256').update(code).digest('hex').slice(0, 10)), code };
      } catch (e) {
        throw new ShellacCliError('bundle', `could not bundle the worker runtime: ${(e as Error).message}. Reinstall @shellac/cli and @shellac/worker.`); // esbuild throws Error
      }
    })();
    runtime.catch(() => built.delete(key));
    built.set(key, runtime);
  }
  return runtime;
}

/** `sw.js`: loads the runtime beside it, then starts it with this build's config (and version). */
export function workerScript(banner: string, runtime: string, config: WorkerConfig): string {
  return `${banner}importScripts(${JSON.stringify(runtime)});${RUNTIME_GLOBAL}(${JSON.stringify(config)});`;
}
