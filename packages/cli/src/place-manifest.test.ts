import assert from 'node:assert/strict';
import { test } from 'node:test';
import { manifestProblems, type Manifest, type WorkerConfig } from '@shellac/protocol';
import { placeManifest } from './place-manifest.js';

const config: WorkerConfig = { version: 'c14fed7e7f25e3bc', offlinePage: 'offline.html' };
const manifest: Manifest = {
  version: config.version,
  entries: [['_images/figure-0.png', 'MDAwMDAw'], ['_static/app.3f9a1c2b.js']],
  pack: 'shellac-pack.c14fed7e7f.bin',
};
const { pack: _derived, ...withoutPack } = manifest;
/** The config `sw.js` starts the runtime with. */
const configOf = (sw: string) => JSON.parse(sw.slice(sw.indexOf('shellac(') + 8, -2)) as WorkerConfig;

test('sw.js carries the entries (a pack named after the version is left to the worker); the manifest file keeps the version alone', () => {
  const placed = placeManifest('/* b */', 'shellac-runtime.0123456789.js', config, manifest);
  assert.ok(placed.sw.startsWith('/* b */importScripts("shellac-runtime.0123456789.js");'));
  assert.deepEqual(configOf(placed.sw), { ...config, entries: manifest.entries });
  assert.deepEqual(placed.config, configOf(placed.sw));
  assert.equal(placed.manifest, `{"version":"${config.version}"}`);
  assert.deepEqual(manifestProblems(JSON.parse(placed.manifest)), []);
  // A pack of another name is named.
  assert.equal(configOf(placeManifest('/* b */', 'r.js', config, { ...manifest, pack: 'shellac-pack.0000000000.bin' }).sw).pack, 'shellac-pack.0000000000.bin');
});

test('without a pack, sw.js says there is none; the config is otherwise untouched', () => {
  const placed = placeManifest('/* b */', 'r.js', { ...config, routes: [{ match: 'api/*', strategy: 'networkOnly' }] }, withoutPack);
  assert.deepEqual(configOf(placed.sw), { ...config, routes: [{ match: 'api/*', strategy: 'networkOnly' }], entries: manifest.entries, pack: false });
});

test('a version-only manifest with entries or a pack beside it is refused, naming the field', () => {
  assert.deepEqual(manifestProblems({ version: 'v', inlined: true, entries: [] }), ['entries: not expected with inlined (sw.js carries it)']);
  assert.deepEqual(manifestProblems({ version: 'v', inlined: 'yes' }), ['inlined: expected true (the entries are in sw.js)']);
  // Earlier builds marked the version-only file; it is still read.
  assert.deepEqual(manifestProblems({ version: 'v', inlined: true }), []);
  assert.deepEqual(manifestProblems({ version: 'v', pack: 'p.bin' }), ['entries: expected an array']);
});

test('hashed folders travel in sw.js with the entries; the manifest check refuses any that could take a page', () => {
  const placed = placeManifest('/* b */', 'r.js', config, { ...manifest, hashedFolders: ['_static/js/'] });
  assert.deepEqual(configOf(placed.sw).hashedFolders, ['_static/js/']);
  assert.equal(configOf(placeManifest('/* b */', 'r.js', config, { ...manifest, hashedFolders: [] }).sw).hashedFolders, undefined, 'none: no bytes');
  assert.deepEqual(manifestProblems({ ...manifest, hashedFolders: ['_static/js/', 'a%20b/c/'] }), []);
  const refused = ['./', '../', '/static/', 'static', 'a/../', 'a/%2E%2e/', 'https://cdn.example/a/', 'a//', 'a?b/', 'a\\b/', 7];
  assert.deepEqual(
    manifestProblems({ ...manifest, hashedFolders: refused }).map((p) => p.slice(0, p.indexOf(':'))),
    refused.map((_, i) => `hashedFolders[${i}]`),
  );
  assert.deepEqual(manifestProblems({ ...manifest, hashedFolders: 'assets/' }), ['hashedFolders[0]: expected a relative folder URL ending in / (not the root), got undefined']);
  assert.deepEqual(manifestProblems({ version: 'v', inlined: true, hashedFolders: ['a/'] }), ['hashedFolders: not expected with inlined (sw.js carries it)']);
});
