// Builds every package in dependency order: tsc emits ESM and declarations, esbuild makes the
// browser bundles the CLI copies into a site. Fails on the first error.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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
// The script `shellac build` injects into pages: registers on load and exposes `window.shellac`.
await build({
  entryPoints: ['packages/client/src/auto.ts'],
  bundle: true, minify: true, format: 'iife', target: 'es2022',
  outfile: 'packages/client/dist/browser/shellac.js', legalComments: 'none',
});
// The app shell's loader (`shellac build --app` emits it as shellac-shell.js).
await build({
  entryPoints: ['packages/client/src/shell-auto.ts'],
  bundle: true, minify: true, format: 'iife', target: 'es2022',
  outfile: 'packages/client/dist/browser/shellac-shell.js', legalComments: 'none',
});
// Save for offline (`save` in the config emits it as shellac-save.js): the API and the save buttons.
await build({
  entryPoints: ['packages/client/src/save-auto.ts'],
  bundle: true, minify: true, format: 'iife', target: 'es2022',
  outfile: 'packages/client/dist/browser/shellac-save.js', legalComments: 'none',
});
console.log('build: packages ready');
