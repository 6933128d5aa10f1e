import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeFile } from '@shellac/protocol';
import { ALL_FEATURES, type Runtime, type RuntimeFeatures } from './runtime-features.js';

/**
 * Where the package keeps its prebuilt runtimes: `dist/runtimes/`, beside the compiled CLI (the
 * same folder whether this module runs from `dist/` or, under tsx, from `src/`).
 */
export const PREBUILT_DIR = fileURLToPath(new URL('../dist/runtimes/', import.meta.url));
/** Maps each prebuilt feature set's key to its runtime file in {@link PREBUILT_DIR}. */
const INDEX = 'index.json';

/** A feature set's key: the same for the same features, whatever their order (a worker app has none). */
export function featureKey(f: RuntimeFeatures): string {
  return JSON.stringify([[...f.strategies].sort(), !!f.appShell, !!f.identity, !!f.save]);
}

/**
 * The feature sets prebuilt: every mix of the app shell, identity and save, with no routes and
 * with routes of every strategy (16 of the 256 mixes, each ~1-2 s of terser at the package's
 * build). A site whose routes name only some strategies has its runtime compiled at build time.
 */
export function prebuiltFeatureSets(): RuntimeFeatures[] {
  const sets: RuntimeFeatures[] = [];
  for (const strategies of [[], ALL_FEATURES.strategies]) {
    for (let bits = 0; bits < 8; bits++) sets.push({ strategies, appShell: !!(bits & 1), identity: !!(bits & 2), save: !!(bits & 4) });
  }
  return sets;
}

/**
 * The prebuilt runtime for a feature set, or undefined when the package has none for it (or has
 * not been built). A file whose bytes no longer match the hash in its name is not used. The index
 * is read each time (a 1 KB file, once or twice a build): nothing is held between builds.
 */
export function prebuiltRuntime(features: RuntimeFeatures): Runtime | undefined {
  const name = readIndex().get(featureKey(features));
  if (!name) return undefined;
  let code: string;
  try {
    code = readFileSync(join(PREBUILT_DIR, name), 'utf8');
  } catch {
    return undefined;
  }
  return nameOf(code) === name ? { name, code } : undefined;
}

function readIndex(): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(PREBUILT_DIR, INDEX), 'utf8')) as Record<string, string>));
  } catch {
    return new Map(); // not built yet: every runtime is compiled
  }
}

/** The content-hashed file name of a runtime's code. */
export const nameOf = (code: string): string => runtimeFile(createHash('sha256').update(code).digest('hex').slice(0, 10));

/**
 * Writes every prebuilt runtime and their index into `dir` (the package build does, with
 * `compile` = `compileRuntime`), one after another: terser runs on the main thread.
 */
export async function writePrebuiltRuntimes(compile: (f: RuntimeFeatures) => Promise<Runtime>, dir = PREBUILT_DIR): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const entries: Record<string, string> = {};
  for (const features of prebuiltFeatureSets()) {
    const runtime = await compile(features);
    writeFileSync(join(dir, runtime.name), runtime.code);
    entries[featureKey(features)] = runtime.name;
  }
  writeFileSync(join(dir, INDEX), `${JSON.stringify(entries, null, 1)}\n`);
  return Object.keys(entries).length;
}
