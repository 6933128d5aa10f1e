import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleRuntime, compileRuntime } from './bundle-worker.js';
import type { RuntimeFeatures } from './runtime-features.js';
import { featureKey, prebuiltFeatureSets, prebuiltRuntime } from './prebuilt-runtime.js';

const plain: RuntimeFeatures = { strategies: [], appShell: false, identity: false, save: false };

test('the prebuilt runtime of a static site is the one compiled from the sources now', async () => {
  const shipped = prebuiltRuntime(plain);
  assert.ok(shipped, 'no prebuilt runtime for a site without routes: run `npm run build`');
  assert.deepEqual(shipped, await compileRuntime(plain), 'the prebuilt runtime is stale: run `npm run build`');
});

test('every feature set the package prebuilds is there, each file named by its bytes', () => {
  const sets = prebuiltFeatureSets();
  assert.equal(new Set(sets.map(featureKey)).size, sets.length);
  for (const f of sets) assert.ok(prebuiltRuntime(f), `no prebuilt runtime for ${featureKey(f)}: run \`npm run build\``);
});

test('a feature set named in another order finds the same prebuilt runtime', () => {
  const every = prebuiltFeatureSets().at(-1)!;
  assert.deepEqual(prebuiltRuntime({ ...every, strategies: [...every.strategies].reverse() }), prebuiltRuntime(every));
});

test('a feature set not prebuilt is compiled at build time, its own runtime', async () => {
  const some: RuntimeFeatures = { ...plain, strategies: ['cacheFirst', 'networkFirst'] };
  assert.equal(prebuiltRuntime(some), undefined);
  const runtime = await bundleRuntime(some);
  assert.match(runtime.name, /^shellac-runtime\.[0-9a-f]{10}\.js$/);
  assert.notEqual(runtime.name, (await bundleRuntime({ ...plain, strategies: ['cacheFirst'] })).name);
});
