import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ManifestEntry } from '@shellac/protocol';
import { hashedFolders } from './hashed-folders.js';

const entries: ManifestEntry[] = [
  ['index.html', 'MDAwMDAw'],
  ['assets/app.3f9a1c2b.js'], ['assets/css/site.1a2b3c4d.css'], ['assets/css/print.5e6f7a8b.css'],
  ['img/a.0a1b2c3d.png'], ['img/b.4e5f6a7b.png'], ['img/logo.svg', 'MTExMTEx'],
  ['fonts/x.9c8d7e6f.woff2'],
  ['media/v.2b3c4d5e.mp4'], ['media/w.6f7a8b9c.mp4'],
];
const files = ['index.html', 'sw.js', ...entries.slice(1).map((e) => e[0]), 'media/extra.bin'];

test('only folders whose every file (subfolders too) is a hashed entry; the topmost of them', () => {
  assert.deepEqual(hashedFolders(files, entries), ['assets/']);
});

test('a file the precache leaves out, or one checked by hash, keeps its folder out', () => {
  // media/ holds two hashed entries and a file that is not precached; img/ a file with a hash of its own.
  assert.deepEqual(hashedFolders(files.filter((f) => f !== 'media/extra.bin'), entries), ['assets/', 'media/']);
  assert.deepEqual(hashedFolders([...files, 'assets/README'], entries), ['assets/css/']);
});

test('a folder of one hashed file is left to its entry; the root is never taken', () => {
  assert.deepEqual(hashedFolders(['fonts/x.9c8d7e6f.woff2'], entries), []);
  assert.deepEqual(hashedFolders(['app.3f9a1c2b.js', 'a.0a1b2c3d.js'], [['app.3f9a1c2b.js'], ['a.0a1b2c3d.js']]), []);
  assert.deepEqual(hashedFolders([], []), []);
});
