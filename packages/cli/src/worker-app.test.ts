import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { buildSite } from './build-site.js';
import { ShellacCliError } from './errors.js';

const root = mkdtempSync(join(tmpdir(), 'shellac-worker-app-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** An app's folder: a static folder, a config, and source files (path → text). */
function project(name: string, config: object, sources: Record<string, string>) {
  const dir = join(root, name);
  mkdirSync(join(dir, 'static/css'), { recursive: true });
  writeFileSync(join(dir, 'static/css/app.css'), 'body{}');
  writeFileSync(join(dir, 'shellac.config.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, build: (app = true) => buildSite({ siteDir: join(dir, 'static'), outDir: join(dir, 'out'), configFile: join(dir, 'shellac.config.json'), app }) };
}

test('a worker app is bundled into the runtime, with its data in sw.js, and its size reported', async () => {
  const p = project('ok', { appShell: {}, worker: { entry: 'src/worker-app.ts', data: [{ name: 'lessons', url: '/api/lessons.json' }] } }, {
    'src/worker-app.ts': `import { view } from './view.js';\nexport default { fetch: (request: Request) => new Response(view(new URL(request.url).pathname)) };`,
    'src/view.ts': `export const view = (path: string): string => '<h1>rendered for ' + path + ' by the app in the worker</h1>';`,
  });
  const summary = await p.build();
  const runtime = readFileSync(join(p.dir, 'out', summary.worker.runtime.name), 'utf8');
  assert.ok(runtime.includes('by the app in the worker'), 'the app is in the runtime');
  assert.match(readFileSync(join(p.dir, 'out/sw.js'), 'utf8'), /"app":\{"data":\[\{"name":"lessons","url":"\/api\/lessons.json"\}\]\}/);
  assert.ok((summary.worker.app?.gzip ?? 0) > 0, 'the app’s bytes are reported');
  const without = await project('none', { appShell: {} }, {}).build();
  assert.equal(without.worker.app, undefined, 'no worker app: nothing to report');
  assert.ok(!readFileSync(join(root, 'none/out', without.worker.runtime.name), 'utf8').includes('createWorkerApp'));
});

test('code that reaches a Node-only module fails the build with the import chain, and writes nothing', async () => {
  const p = project('node', { worker: 'src/worker-app.ts' }, {
    'src/worker-app.ts': `import { lessons } from './db/store.js';\nexport default (request: Request) => new Response(String(lessons()));`,
    'src/db/store.ts': `import { readFileSync } from 'node:fs';\nexport const lessons = () => readFileSync('/lessons.json', 'utf8');`,
  });
  await assert.rejects(p.build(), (error: unknown) => {
    assert.ok(error instanceof ShellacCliError);
    assert.equal(error.code, 'worker-app');
    assert.match(error.message, /src\/worker-app\.ts → .*src\/db\/store\.ts → node:fs: "node:fs" runs only in Node/);
    return true;
  });
  assert.throws(() => readFileSync(join(p.dir, 'out/sw.js')), /ENOENT/);
  // The site's files were being copied while the runtime was bundled: no hidden output is left.
  assert.deepEqual(readdirSync(p.dir).sort(), ['shellac.config.json', 'src', 'static']);
});

test('the worker key is refused outside app mode, and a missing entry is named', async () => {
  await assert.rejects(project('static', { worker: 'src/worker-app.ts' }, { 'src/worker-app.ts': 'export default () => new Response("x");', 'static/index.html': '<h1>x</h1>' }).build(false), /"worker" runs only in app mode/);
  await assert.rejects(project('missing', { worker: { entry: 'src/nope.ts' } }, {}).build(), /"worker\.entry" is not a file/);
});
