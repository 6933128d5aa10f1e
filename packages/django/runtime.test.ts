import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { DJANGO_RUNTIME_DIR, freshDjangoRuntime, shippedDjangoRuntime } from '../../scripts/django-runtime.mjs';

// django-shellac ships the worker runtime and the page scripts prebuilt (pip needs no Node).
// They must be what the TypeScript sources build to now, and committed as such.

const root = new URL('../../', import.meta.url).pathname;

test('the runtime and scripts in the Python package are a fresh build of the sources', async () => {
  const fresh = await freshDjangoRuntime(root);
  const shipped = shippedDjangoRuntime(root);
  assert.deepEqual([...shipped.keys()].sort(), [...fresh.keys()].sort(), `${DJANGO_RUNTIME_DIR} holds other files than a fresh build: run \`npm run build\` and commit them`);
  for (const [name, bytes] of fresh) assert.ok(shipped.get(name)?.equals(bytes), `${DJANGO_RUNTIME_DIR}/${name} differs from a fresh build: run \`npm run build\` and commit it`);
});

test('the shipped runtime and scripts are committed as built', (t) => {
  let changed: string;
  try {
    changed = execFileSync('git', ['status', '--porcelain', '--', DJANGO_RUNTIME_DIR], { cwd: root, encoding: 'utf8' });
  } catch {
    return t.skip('not a git checkout');
  }
  assert.equal(changed, '', `the build changed ${DJANGO_RUNTIME_DIR}: commit it, so \`pip install\` gets the runtime the sources build to`);
});
