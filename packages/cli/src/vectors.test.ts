import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configProblems, type ConfigProblem } from './config-problems.js';
import { globToRegExp } from './glob-to-regexp.js';

// The shared vectors in packages/protocol/vectors, which django_shellac's tests read too: its
// settings are checked by the same rules as shellac.config.json, and select files by the same globs.
const vectors = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../protocol/vectors/${name}`, import.meta.url), 'utf8')) as T; // shape checked by the assertions

test('globs.json: which paths each glob matches', () => {
  for (const { glob, path, match } of vectors<{ globs: { glob: string; path: string; match: boolean }[] }>('globs.json').globs) {
    assert.equal(globToRegExp(glob).test(path), match, `${glob} ${path}`);
  }
});

test('config-problems.json: every problem of each config, with its key and value', () => {
  for (const { config, problems } of vectors<{ configs: { config: unknown; problems: ConfigProblem[] }[] }>('config-problems.json').configs) {
    // JSON has no undefined: a problem without a value has no "value" key.
    const found = configProblems(config).map((p) => (p.value === undefined ? { key: p.key, problem: p.problem } : p));
    assert.deepEqual(found, problems, JSON.stringify(config));
  }
});
