// Generated sites are written into bench/results/tmp/cache/ and reused while their stamp
// (parameters + GENERATOR_VERSION) matches.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE } from './paths.mjs';

/** Bump when the generators change, so cached sites are rebuilt. */
const GENERATOR_VERSION = 5;

export function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** Generates `dir` with `generate(dir)` unless a matching stamp says it is already there. */
export function cached(name, params, generate) {
  const dir = join(CACHE, name);
  const stampPath = join(CACHE, `${name}.json`);
  const stamp = JSON.stringify({ GENERATOR_VERSION, ...params });
  if (existsSync(dir) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampPath, { force: true });
  generate(dir);
  writeFileSync(stampPath, stamp); // written last: an interrupted generation is redone
  return { dir, reused: false };
}
