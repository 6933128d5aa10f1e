import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheName, cacheScope, isCacheWord, ownerKey, OWNER_MARK, parseCacheName, PREFIX, type CacheNameParts } from './index.js';

const cases: [string, CacheNameParts][] = [
  ['shellac:/:precache', { scope: '/', kind: 'precache' }],
  ['shellac:/:pages~_', { scope: '/', kind: 'pages', owner: '_' }],
  ['shellac:/docs/:runtime:clips~Ab-9_x', { scope: '/docs/', kind: 'runtime', name: 'clips', owner: 'Ab-9_x' }],
  // A user folder and a colon in the scope are parts of the scope, never an owner or a kind.
  ['shellac:/~alice/docs/:meta', { scope: '/~alice/docs/', kind: 'meta' }],
  ['shellac:/~alice/docs/:pages~bob', { scope: '/~alice/docs/', kind: 'pages', owner: 'bob' }],
  ['shellac:/a:pages/:shell', { scope: '/a:pages/', kind: 'shell' }],
  ['shellac:/x/:runtime:y/:saved~k', { scope: '/x/:runtime:y/', kind: 'saved', owner: 'k' }],
];

test('cache names round-trip through the grammar, whatever the scope holds', () => {
  for (const [name, parts] of cases) {
    assert.deepEqual(parseCacheName(name), parts, name);
    assert.equal(cacheName(parts), name);
    assert.equal(cacheScope(name), parts.scope);
  }
  assert.equal(cacheScope('workbox-precache-v2'), undefined);
  assert.equal(cacheScope('shellac:/c/x:pages'), undefined, 'after the scope comes a colon');
});

test('names that are not Shellac caches parse to undefined', () => {
  for (const name of ['workbox-precache-v2', 'shellac:/:nothing', 'shellac:/:pages~', 'shellac:/:pages~a~b', 'shellac:docs:pages', 'shellac:/:runtime:a:b', 'xshellac:/:pages']) {
    assert.equal(parseCacheName(name), undefined, name);
  }
});

test('only cache words build names that parse back', () => {
  const roundTrips = (name: string) => parseCacheName(cacheName({ scope: '/', kind: 'runtime', name }))?.name === name;
  for (const word of ['a', 'clips', 'A-9_z', 'x'.repeat(64)]) assert.ok(isCacheWord(word) && roundTrips(word), word);
  for (const word of ['', 'a:b', 'x~y', 'a b', 'a/b', 'x'.repeat(65)]) assert.ok(!isCacheWord(word) && !roundTrips(word), word);
  assert.equal(OWNER_MARK, '~');
  assert.equal(PREFIX, 'shellac');
});

test('owner keys are safe in a name and never empty', () => {
  assert.equal(ownerKey('3q2-7wAAb1XzLh8ySd3kQw'), '3q2-7wAAb1XzLh8ySd3kQw');
  assert.equal(ownerKey('a b:c~d'), 'a_b_c_d');
  assert.equal(ownerKey(''), '_');
  assert.equal(ownerKey('x'.repeat(100)).length, 64);
  assert.ok(parseCacheName(cacheName({ scope: '/', kind: 'pages', owner: ownerKey('any/tag:~') })));
});
