import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import { FILES, SAVE_MESSAGE } from '@shellac/protocol';
import { builtEntries } from './testing/built-worker.js';
import { buildSite } from './build-site.js';

// The page side of save for offline ships to every page of a site that turns it on: keep it small.
const SAVE_CLIENT_BUDGET = 4_500; // gzip bytes of shellac-save.js

const root = mkdtempSync(join(tmpdir(), 'shellac-save-'));
after(() => rmSync(root, { recursive: true, force: true }));
const PAGE = '<!doctype html><html><head><title>Song</title></head><body><button data-shellac-save>Save</button></body></html>';

async function build(name: string, config: object) {
  const site = join(root, name, 'site');
  mkdirSync(join(site, 'songs'), { recursive: true });
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'songs', 'one.html'), PAGE);
  writeFileSync(join(site, 'shellac.config.json'), JSON.stringify(config));
  const out = join(root, name, 'out');
  const summary = await buildSite({ siteDir: site, outDir: out });
  const read = (rel: string) => readFileSync(join(out, rel), 'utf8');
  // The worker's code is sw.js (config) plus the runtime file it imports.
  const worker = read('sw.js') + read(summary.worker.runtime.name);
  return { out, read, worker, precached: builtEntries(out).map((e) => e[0]) };
}

test('with `save`, the worker carries the saved unit and every page gets shellac-save.js after shellac.js, precached', async () => {
  const { out, read, worker, precached } = await build('on', { save: { concurrency: 2, also: ['index.html'] } });
  assert.ok(worker.includes(SAVE_MESSAGE.save));
  assert.match(read('sw.js'), /"save":\{"concurrency":2\b/);
  assert.match(read('index.html'), /<script src="shellac\.js" defer data-shellac><\/script><script src="shellac-save\.js" defer data-shellac><\/script><\/head>/);
  assert.match(read('songs/one.html'), /<script src="\.\.\/shellac\.js" defer data-shellac><\/script><script src="\.\.\/shellac-save\.js" defer data-shellac><\/script>/);
  assert.ok(precached.includes(FILES.saveClient));
  const gzip = gzipSync(readFileSync(join(out, FILES.saveClient)), { level: 9 }).length;
  assert.ok(gzip <= SAVE_CLIENT_BUDGET, `shellac-save.js is ${gzip} B gzip, over its ${SAVE_CLIENT_BUDGET} B budget`);
});

test('without `save`, none of it: no saved unit in sw.js, no shellac-save.js, no tag', async () => {
  const { out, read, worker, precached } = await build('off', {});
  assert.ok(!worker.includes(SAVE_MESSAGE.save));
  assert.ok(!existsSync(join(out, FILES.saveClient)));
  assert.ok(!read('index.html').includes(FILES.saveClient));
  assert.ok(!precached.includes(FILES.saveClient));
});
