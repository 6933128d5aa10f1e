import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Manifest, WorkerConfig } from '@shellac/protocol';
import { placeManifest, RESPONSE_BYTES } from './place-manifest.js';

const gzip = (text: string) => gzipSync(text, { level: 6 }).length;
const config: WorkerConfig = { version: 'c14fed7e7f25e3bc', offlinePage: 'offline.html' };
/** A manifest of `n` plain files, each with a random-looking hash (as real ones are). */
const manifestOf = (n: number): Manifest => ({
  version: config.version,
  entries: Array.from({ length: n }, (_, i) => [`_images/figure-${i}.png`, Buffer.from(`${i * 7919}`.padStart(6, '0')).toString('base64url').slice(0, 8)]),
  pack: 'shellac-pack.c14fed7e7f.bin',
});
/** The config `sw.js` starts the runtime with. */
const configOf = (sw: string) => JSON.parse(sw.slice(sw.indexOf('shellac(') + 8, -2)) as WorkerConfig;

test('sw.js carries the entries and the pack when that sends fewer bytes than the manifest beside it', () => {
  const manifest = manifestOf(60);
  const placed = placeManifest('/* b */', 'shellac-runtime.0123456789.js', config, manifest);
  assert.equal(placed.inlined, true);
  assert.deepEqual(configOf(placed.sw), { ...config, entries: manifest.entries, pack: manifest.pack });
  assert.deepEqual(placed.config, configOf(placed.sw));
  const separate = `/* b */importScripts("shellac-runtime.0123456789.js");shellac(${JSON.stringify(config)});`;
  assert.ok(gzip(placed.sw) < gzip(separate) + gzip(JSON.stringify(manifest)) + RESPONSE_BYTES);
});

test('without a pack, none is named; the config is otherwise untouched', () => {
  const { pack: _pack, ...manifest } = manifestOf(3);
  const placed = placeManifest('/* b */', 'r.js', { ...config, routes: [{ match: 'api/*', strategy: 'networkOnly' }] }, manifest);
  assert.deepEqual(configOf(placed.sw), { ...config, routes: [{ match: 'api/*', strategy: 'networkOnly' }], entries: manifest.entries });
});
