import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { StrategyName, WorkerConfig } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';

/**
 * Bundles `sw.js`: the runtime with the config baked in, importing only the strategies the routes
 * name (plus networkFirst, which the pages route uses), so unused code never ships.
 */
export async function bundleWorker(config: WorkerConfig): Promise<string> {
  const used = [...new Set<StrategyName>(['networkFirst', ...(config.routes ?? []).map((r) => r.strategy)])].sort();
  const contents = [
    `import { createShellac, ${used.join(', ')} } from '@shellac/worker';`,
    `createShellac({ ...${JSON.stringify(config)}, strategies: { ${used.join(', ')} } }).listen(self);`,
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
    return `${result.outputFiles[0]!.text}`;
  } catch (e) {
    throw new ShellacCliError('bundle', `could not bundle sw.js: ${(e as Error).message}. Reinstall @shellac/cli and @shellac/worker.`); // esbuild throws Error
  }
}
