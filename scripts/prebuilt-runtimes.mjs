// The worker runtimes the CLI package ships prebuilt (packages/cli/dist/runtimes/), made by
// compileRuntime at `npm run build`. Compiling them takes terser ~1-2 s each, so they are kept in
// node_modules/.cache/ under a hash of everything they are made from (the compiled worker,
// protocol and runtime-compiling code, the esbuild and terser versions) and reused while it holds.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['packages/worker/dist', 'packages/protocol/dist', 'packages/cli/dist/bundle-worker.js', 'packages/cli/dist/runtime-features.js', 'packages/cli/dist/prebuilt-runtime.js', 'packages/cli/dist/worker-defaults.js',
  'node_modules/esbuild/package.json', 'node_modules/terser/package.json'];
const CACHE = 'node_modules/.cache/shellac-runtimes';

/** A hash of the files the runtimes are built from (each path with its bytes, in a fixed order). */
function inputHash() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!statSync(path).isDirectory()) return void hash.update(`${path}\0`).update(readFileSync(path));
    const names = readdirSync(path).sort();
    for (const name of names) if (name.endsWith('.js') || statSync(join(path, name)).isDirectory()) add(join(path, name));
  };
  for (const path of INPUTS) add(path);
  return hash.digest('hex').slice(0, 16);
}

/** Fills `packages/cli/dist/runtimes/` from the cache, or compiles it (then caches it). Returns what it did. */
export async function prebuildRuntimes() {
  const { compileRuntime } = await import('../packages/cli/dist/bundle-worker.js');
  const { writePrebuiltRuntimes, PREBUILT_DIR } = await import('../packages/cli/dist/prebuilt-runtime.js');
  const cached = join(CACHE, inputHash());
  if (existsSync(cached)) {
    cpSync(cached, PREBUILT_DIR, { recursive: true });
    return `reused from ${cached}`;
  }
  const started = Date.now();
  const count = await writePrebuiltRuntimes(compileRuntime);
  // Written whole, then renamed: an interrupted build leaves no half cache behind.
  rmSync(CACHE, { recursive: true, force: true });
  cpSync(PREBUILT_DIR, `${cached}.tmp`, { recursive: true });
  renameSync(`${cached}.tmp`, cached);
  return `${count} compiled in ${Date.now() - started} ms`;
}
