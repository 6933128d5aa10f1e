import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, test } from 'node:test';
import { buildSite } from './build-site.js';
import { run } from './run.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const PAGE = '<!doctype html><html lang="en"><head><title>Home</title><link rel="stylesheet" href="css/a.css"></head><body><p>hi</p></body></html>';

/** A built site: `out` is the folder as deployed. */
async function deployed() {
  const root = mkdtempSync(join(tmpdir(), 'shellac-retire-'));
  dirs.push(root);
  const site = join(root, 'site');
  mkdirSync(join(site, 'css'), { recursive: true });
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'css/a.css'), 'body{color:red}');
  const out = join(root, 'out');
  await buildSite({ siteDir: site, outDir: out });
  return { root, out };
}

/** Every file under `dir` by relative path, with the sha-256 of its bytes. */
function hashes(dir: string, at = dir, into = new Map<string, string>()) {
  for (const name of readdirSync(at)) {
    const path = join(at, name);
    if (statSync(path).isDirectory()) hashes(dir, path, into);
    else into.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return into;
}

async function shellac(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('retire replaces sw.js with the kill-switch worker and touches no other file', async () => {
  const { out } = await deployed();
  const before = hashes(out);
  const r = await shellac('retire', out);
  assert.equal(r.code, 0, r.err);
  const after = hashes(out);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file added or removed');
  for (const [file, hash] of before) if (file !== 'sw.js') assert.equal(after.get(file), hash, `${file} changed`);
  assert.notEqual(after.get('sw.js'), before.get('sw.js'));
  const sw = readFileSync(join(out, 'sw.js'), 'utf8');
  // Shellac's banner, so a later build takes the file for its own; standalone: nothing imported.
  assert.ok(sw.startsWith('/* shellac sw */'));
  assert.doesNotMatch(sw, /importScripts|shellac-manifest/);
  // No fetch listener: the browser sends every request to the network.
  assert.doesNotMatch(sw, /["'`]fetch["'`]/);
  assert.match(sw, /["'`]install["'`]/);
  assert.match(sw, /["'`]activate["'`]/);
  assert.match(sw, /unregister\(\)/);
  const bytes = Buffer.byteLength(sw);
  assert.match(r.out, new RegExp(`wrote ${join(out, 'sw.js').replace(/[/.]/g, '\\$&')} \\(${bytes} B, \\d+ B gzip\\)`));
  assert.match(r.out, /nothing else in .* changed/);
  assert.match(r.out, /keep .*sw\.js deployed until every returning visitor has been back/);
  assert.match(r.out, /at least every 24 h/);
});

test('retire again is harmless, and a later build takes the file back', async () => {
  const { root, out } = await deployed();
  assert.equal((await shellac('retire', out)).code, 0);
  const once = readFileSync(join(out, 'sw.js'), 'utf8');
  assert.equal((await shellac('retire', out)).code, 0);
  assert.equal(readFileSync(join(out, 'sw.js'), 'utf8'), once);
  await buildSite({ siteDir: join(root, 'site'), outDir: out });
  assert.match(readFileSync(join(out, 'sw.js'), 'utf8'), /^\/\* shellac sw \*\/importScripts\(/);
});

test('--worker names another worker path inside the folder', async () => {
  const { out } = await deployed();
  mkdirSync(join(out, 'app'));
  writeFileSync(join(out, 'app/worker.js'), '/* their own */');
  const sw = readFileSync(join(out, 'sw.js'), 'utf8');
  const r = await shellac('retire', out, '--worker', 'app/worker.js');
  assert.equal(r.code, 0, r.err);
  assert.match(readFileSync(join(out, 'app/worker.js'), 'utf8'), /^\/\* shellac sw \*\//);
  assert.equal(readFileSync(join(out, 'sw.js'), 'utf8'), sw);
  assert.match(r.out, /app\/worker\.js/);
});

test('bad input exits 1 with a message naming the path, and writes nothing', async () => {
  const { root, out } = await deployed();
  const missing = join(root, 'nope');
  const a = await shellac('retire', missing);
  assert.equal(a.code, 1);
  assert.match(a.err, new RegExp(`${missing.replace(/[/.]/g, '\\$&')}: no such folder`));
  assert.deepEqual(readdirSync(root).sort(), ['out', 'site']);

  const empty = join(root, 'site');
  const before = hashes(empty);
  const b = await shellac('retire', empty);
  assert.equal(b.code, 1);
  assert.match(b.err, new RegExp(`${join(empty, 'sw.js').replace(/[/.]/g, '\\$&')}: no worker script to replace`));
  assert.match(b.err, /--worker/);
  assert.deepEqual(hashes(empty), before);

  const all = hashes(out);
  const c = await shellac('retire', out, '--worker', 'other.js');
  assert.equal(c.code, 1);
  assert.match(c.err, /other\.js: no worker script to replace\. Check --worker/);
  const d = await shellac('retire', out, '--worker', '../site/index.html');
  assert.equal(d.code, 1);
  assert.match(d.err, /--worker \.\.\/site\/index\.html: the worker must be a file inside/);
  assert.deepEqual(hashes(out), all);

  const e = await shellac('retire');
  assert.equal(e.code, 1);
  assert.match(e.err, /retire needs the deployed folder/);
});
