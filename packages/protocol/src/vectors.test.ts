import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  ANONYMOUS, APPSHELL_PARAM, CONTENT_ATTR, FILES, HASH_LENGTH, HEADER, LOGOUT_PATHS, PRELOAD_CONTENT, RESERVED_PATH, RUNTIME_GLOBAL, SHELL_PATH, STATE_PATH,
  hashOfDigest, isBuildHashedFile, isHashedName, packFile, runtimeFile, type ManifestEntry,
} from './index.js';

// The shared vectors (packages/protocol/vectors) hold this package's answers for implementations
// in other languages (django_shellac); these tests keep the files and the TypeScript in step.
const readVectors = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T; // shape checked by the assertions

test('names.json spells every name as the protocol does', () => {
  const names = readVectors<Record<string, unknown>>('names.json');
  const ours = { APPSHELL_PARAM, HEADER, PRELOAD_CONTENT, ANONYMOUS, SHELL_PATH, CONTENT_ATTR, STATE_PATH, RESERVED_PATH, FILES, RUNTIME_GLOBAL, HASH_LENGTH, LOGOUT_PATHS };
  for (const [key, value] of Object.entries(ours)) assert.deepEqual(names[key], value, key);
  for (const [hash, name] of names.runtimeFile as [string, string][]) assert.equal(runtimeFile(hash), name);
  for (const [hash, name] of names.packFile as [string, string][]) assert.equal(packFile(hash), name);
  for (const [name, built] of names.isBuildHashedFile as [string, boolean][]) assert.equal(isBuildHashedFile(name), built, name);
});

interface ManifestVectors {
  bodies: { text?: string; base64?: string; hash: string }[];
  versions: { entries: ManifestEntry[]; json: string; version: string }[];
  names: { path: string; hashed: boolean }[];
}

test('manifest.json: entry hashes, versions and hashed names', () => {
  const v = readVectors<ManifestVectors>('manifest.json');
  for (const b of v.bodies) {
    const bytes = b.text !== undefined ? Buffer.from(b.text, 'utf8') : Buffer.from(b.base64!, 'base64');
    assert.equal(hashOfDigest(createHash('sha256').update(bytes).digest()), b.hash);
  }
  for (const { entries, json, version } of v.versions) {
    assert.equal(JSON.stringify(entries), json);
    // The rule `shellac build` follows (plan-build.ts): the version is the entries' own hash.
    assert.equal(createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16), version);
  }
  for (const { path, hashed } of v.names) assert.equal(isHashedName(path), hashed, path);
});
