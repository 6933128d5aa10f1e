import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minify } from 'terser';
import type { WorkerConfig } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';

/**
 * Bundles `sw.js`: the runtime with the config baked in. Without routes the router and its
 * pattern compiler are not imported at all, with routes only the strategies they name are, and
 * the app shell and identity only when configured: a site pays only for what its config uses.
 */
export async function bundleWorker(config: WorkerConfig): Promise<string> {
  const routes = config.routes ?? [];
  const used = [...new Set(routes.map((r) => r.strategy))].sort();
  const { routes: _routes, appShell, identity, save, ...rest } = config;
  const imports = ['createShellac', ...(routes.length ? ['createRouter', 'applyRoutes', ...used] : []), ...(appShell ? ['createAppShell'] : []), ...(identity ? ['createIdentity'] : []), ...(save ? ['createSaved'] : [])];
  const extra = [
    routes.length && 'router',
    appShell && `shell: createAppShell(${JSON.stringify(appShell)})`,
    identity && `identity: createIdentity(${JSON.stringify(identity)})`,
    save && `saved: createSaved(${JSON.stringify(save)})`,
  ].filter(Boolean).join(', ');
  const contents = [
    `import { ${imports.join(', ')} } from '@shellac/worker';`,
    routes.length ? `const router = createRouter();` : '',
    `const shellac = createShellac({ ...${JSON.stringify(rest)}${extra ? `, ${extra}` : ''} });`,
    routes.length ? `applyRoutes(shellac, router, ${JSON.stringify(routes)}, { ${used.join(', ')} });` : '',
    `shellac.listen(self);`,
  ].join('\n');
  try {
    const result = await build({
      stdin: { contents, resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'js', sourcefile: 'sw-entry.js' },
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    // esbuild bundles; terser then shrinks the result a further ~6% gzip (it inlines one-use
    // factories and names variables by frequency), and every byte here ships to every visitor.
    const small = await minify(result.outputFiles[0]!.text, { ecma: 2020, compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } });
    return small.code ?? result.outputFiles[0]!.text;
  } catch (e) {
    throw new ShellacCliError('bundle', `could not bundle sw.js: ${(e as Error).message}. Reinstall @shellac/cli and @shellac/worker.`); // esbuild throws Error
  }
}
