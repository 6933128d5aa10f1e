import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { ShellacCliError } from './errors.js';
import { WORKER_BANNER } from './plan-build.js';

// Said at the top of the file, for whoever opens the deployed sw.js and wonders what it is.
const NOTE = '/* shellac retire: this worker deletes the Shellac caches of its scope, unregisters itself and reloads open pages from the network. See docs/operating.md. */\n';

let built: Promise<string> | undefined;

/**
 * The kill-switch worker `shellac retire` writes (`retireWorker` of `@shellac/worker`, bundled
 * alone): it starts with the banner every Shellac `sw.js` starts with, so a later `shellac build`
 * into the same folder takes the file for its own and replaces it.
 */
export function retireWorkerScript(): Promise<string> {
  built ??= (async () => {
    try {
      // Loaded only here: `shellac build` imports this module (through run.ts) and never needs them.
      const [{ build }, { minify }] = await Promise.all([import('esbuild'), import('terser')]);
      const result = await build({
        stdin: { contents: `import { retireWorker } from '@shellac/worker';\nretireWorker(self);`, resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'js', sourcefile: 'shellac-retire.js' },
        bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, legalComments: 'none', logLevel: 'silent', platform: 'browser',
      });
      const small = await minify(result.outputFiles[0]!.text, { ecma: 2020, compress: { passes: 3 }, mangle: { toplevel: true }, format: { comments: false } });
      return `${WORKER_BANNER}${NOTE}${small.code ?? result.outputFiles[0]!.text}`;
    } catch (e) {
      built = undefined;
      throw new ShellacCliError('bundle', `could not bundle the retiring worker: ${(e as Error).message}. Reinstall @shellac/cli and @shellac/worker.`); // esbuild and terser throw Error
    }
  })();
  return built;
}
