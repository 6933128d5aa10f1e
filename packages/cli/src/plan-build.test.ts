import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { builtEntries } from './testing/built-worker.js';
import { buildSite } from './build-site.js';
import { ShellacCliError } from './errors.js';
import { planBuild } from './plan-build.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const PAGE = '<!doctype html><html><head><title>Home | Demo</title><link rel="stylesheet" href="css/a.css"></head><body><p>hi</p></body></html>';

/** A scratch folder holding `site/` made from a map of relative paths to contents. */
function scratch(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(join(tmpdir(), 'shellac-plan-'));
  dirs.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, 'site', rel, '..'), { recursive: true });
    writeFileSync(join(root, 'site', rel), content);
  }
  return { root, site: join(root, 'site'), out: join(root, 'out') };
}

/** Every file and folder below `dir` with its size, change time and bytes: any write shows. */
function snapshot(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const info = statSync(join(dir, rel));
    all[rel] = `${info.size} ${info.mtimeMs} ${info.ctimeMs} ${info.isFile() ? readFileSync(join(dir, rel)).toString('base64') : 'dir'}`;
  }
  return all;
}

test('the plan writes nothing, and the build then writes exactly what it planned', async () => {
  const s = scratch({ 'index.html': PAGE, 'a/b/page.html': PAGE, 'css/a.css': 'body{}', 'img/x.png': 'png', 'notes.txt': 'x' });
  const before = snapshot(s.root);
  const plan = await planBuild({ siteDir: s.site, outDir: s.out });
  assert.deepEqual(snapshot(s.root), before);
  assert.ok(plan.ok, plan.problems.map((p) => p.message).join('\n'));
  assert.deepEqual(plan.manifest.entries.map((e) => e[0]), ['css/a.css', 'img/x.png', 'offline.html', 'shellac.js']);

  const summary = await buildSite({ siteDir: s.site, outDir: s.out });
  assert.deepEqual(builtEntries(s.out), plan.manifest.entries);
  assert.deepEqual(JSON.parse(readFileSync(join(s.out, 'shellac-manifest.json'), 'utf8')), { version: plan.manifest.version });
  assert.deepEqual({ ...summary, ms: 0 }, { ...plan.summary, ms: 0 });
  const written = readdirSync(s.out, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(s.out, f)).isFile());
  assert.deepEqual(written.sort(), plan.files.map((f) => f.path).sort());
  // Beside shellac.js, loaded only when no worker cleared: written, never precached.
  assert.ok(written.includes('shellac-clear.js'));
  for (const file of plan.files) {
    const expected = file.content === undefined ? readFileSync(file.source.abs) : Buffer.from(file.content);
    assert.ok(readFileSync(join(s.out, file.path)).equals(expected), file.path);
  }
  assert.match(readFileSync(join(s.out, 'sw.js'), 'utf8'), new RegExp(plan.manifest.version));
});

test('in app mode too, the plan holds the entries, the asset map and the worker config the build writes', async () => {
  const s = scratch({ 'css/app.css': 'body{}', 'img/x.svg': '<svg/>', 'shellac.config.json': JSON.stringify({ offlineImage: 'img/x.svg' }) });
  const plan = await planBuild({ siteDir: s.site, outDir: s.out, app: true });
  assert.ok(plan.ok);
  assert.equal(readdirSync(s.root).length, 1);
  await buildSite({ siteDir: s.site, outDir: s.out, app: true });
  assert.deepEqual(builtEntries(s.out), plan.manifest.entries);
  const assets = JSON.parse(readFileSync(join(s.out, 'shellac-assets.json'), 'utf8')) as { files: Record<string, string> };
  assert.equal(plan.worker.offlineImage, `/static/${assets.files['img/x.svg']}`);
  assert.deepEqual(plan.worker.identity, {}, 'identity is on in app mode');
});

test('a failing plan lists every problem, writes nothing, and leaves the previous build untouched', async () => {
  const s = scratch({ 'index.html': PAGE, 'css/a.css': 'body{}' });
  await buildSite({ siteDir: s.site, outDir: s.out });
  const previous = snapshot(s.out);
  writeFileSync(join(s.site, 'css/b.css'), 'p{}');
  writeFileSync(join(s.site, 'offline.html'), `<p>${'x'.repeat(4000)}</p>`);
  writeFileSync(join(s.site, 'shellac.config.json'), JSON.stringify({ maxFileSizeBytes: 1000, offlineImage: 'img/none.svg' }));

  const plan = await planBuild({ siteDir: s.site, outDir: s.out });
  assert.equal(plan.ok, false);
  assert.deepEqual(plan.problems.map((p) => p.code), ['config', 'file-too-large']);
  assert.deepEqual(plan.problems[0]!.details.problems, [{ key: 'offlineImage', problem: `is not a file in ${s.site}`, value: 'img/none.svg' }]);

  const error = await buildSite({ siteDir: s.site, outDir: s.out }).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ShellacCliError);
  assert.equal(error.code, 'problems');
  assert.deepEqual(error.details.problems, plan.problems);
  assert.match(error.message, /^2 problems; nothing was written:\n {2}.*"offlineImage" is not a file in .*\n {2}.*offline\.html is 3\.9 KiB, above maxFileSizeBytes/);
  assert.deepEqual(snapshot(s.out), previous);
  assert.deepEqual(readdirSync(s.root).sort(), ['out', 'site']);
});

test('a plan with problems still returns the warnings found', async () => {
  const s = scratch({ 'index.html': PAGE, 'big.png': Buffer.alloc(3000), 'sw.js': 'self.skipWaiting()' });
  writeFileSync(join(s.site, 'shellac.config.json'), JSON.stringify({ maxFileSizeBytes: 2000, routes: [{ match: 'api/me/*', strategy: 'networkFirst', perUser: true }] }));
  const plan = await planBuild({ siteDir: s.site, outDir: s.out });
  assert.equal(plan.ok, false);
  assert.deepEqual(plan.problems.map((p) => p.code), ['site']);
  assert.equal(plan.warnings.length, 2);
  assert.match(plan.warnings[0]!, /^big\.png is 2\.9 KiB, above maxFileSizeBytes/);
  assert.match(plan.warnings[1]!, /^routes\[0\] \("api\/me\/\*"\) has "perUser": true, but identity is off/);
});

test('statePage and checkSeconds reach the worker only when they differ from its defaults; bad values are named', async () => {
  const plain = scratch({ 'index.html': PAGE, 'css/a.css': 'body{}' });
  const defaults = await planBuild({ siteDir: plain.site, outDir: plain.out });
  assert.ok(defaults.ok);
  assert.equal('statePage' in defaults.worker || 'checkSeconds' in defaults.worker, false);
  const s = scratch({ 'index.html': PAGE, 'css/a.css': 'body{}', 'shellac.config.json': JSON.stringify({ statePage: false, checkSeconds: 60 }) });
  const plan = await planBuild({ siteDir: s.site, outDir: s.out });
  assert.ok(plan.ok);
  assert.equal(plan.worker.statePage, false);
  assert.equal(plan.worker.checkSeconds, 60);
  const bad = scratch({ 'index.html': PAGE, 'shellac.config.json': JSON.stringify({ statePage: 'no', checkSeconds: -5 }) });
  const refused = await planBuild({ siteDir: bad.site, outDir: bad.out });
  assert.ok(!refused.ok);
  const text = refused.problems.map((p) => String(p.message ?? p)).join('\n');
  assert.match(text, /"statePage" must be true or false, got "no"/);
  assert.match(text, /"checkSeconds" must be a whole number ≥ 0, got -5/);
});
