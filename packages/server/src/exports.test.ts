import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { test } from 'node:test';
import { build } from 'esbuild';

// The published shape of the package, checked so a new adapter cannot be half-exported.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, Record<string, string>>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  sideEffects: boolean;
  files: string[];
};

test('every subpath export has types first, then import, built from a source file', () => {
  assert.deepEqual(Object.keys(pkg.exports), ['.', './content', './node', './express', './fastify', './hono']);
  for (const [subpath, entry] of Object.entries(pkg.exports)) {
    assert.deepEqual(Object.keys(entry), ['types', 'import'], subpath);
    const source = entry.import!.replace(/^\.\/dist\//, './').replace(/\.js$/, '.ts');
    assert.equal(entry.types, entry.import!.replace(/\.js$/, '.d.ts'), subpath);
    assert.ok(existsSync(new URL(source, import.meta.url)), `${subpath}: ${source} is missing`);
  }
});

test('no runtime dependency but the protocol; frameworks are optional peers', () => {
  assert.deepEqual(Object.keys(pkg.dependencies), ['@shellac/protocol']);
  for (const name of ['express', 'fastify', 'hono']) {
    assert.ok(pkg.peerDependencies[name], name);
    assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, name);
  }
  assert.equal(pkg.sideEffects, false);
  assert.deepEqual(pkg.files, ['dist']);
});

test('the core imports no framework', () => {
  // Every file of the core (the adapters live in adapters/), so a new one cannot slip through.
  const core = readdirSync(new URL('.', import.meta.url)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  assert.ok(core.includes('index.ts') && core.includes('finish-headers.ts'));
  for (const file of core) {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    assert.doesNotMatch(text, /from '(express|fastify|hono)/, file);
  }
});

test('@shellac/server/content reaches no Node module: it runs in a service worker', async () => {
  const entry = pkg.exports['./content']!.import!.replace(/^\.\/dist\//, './').replace(/\.js$/, '.ts');
  const nodeOnly = new Set(builtinModules);
  const reached: string[] = [];
  // Bundled for the browser, as the worker build does, recording every import on the way.
  await build({
    entryPoints: [new URL(entry, import.meta.url).pathname], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent',
    plugins: [{ name: 'record', setup: (b) => b.onResolve({ filter: /.*/ }, (args) => void reached.push(args.path)) }],
  });
  assert.ok(reached.includes('@shellac/protocol'), 'the walk saw the imports');
  assert.deepEqual(reached.filter((p) => p.startsWith('node:') || nodeOnly.has(p.split('/')[0]!)), []);
});
