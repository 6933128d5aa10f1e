import assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createShellacServer } from './index.js';
import { makeBuildDir } from './testing/build-dir.js';

// The build's static files, served from disk: ranges are read from the file, not from memory.
describe('static files: Range, If-Range and conditional requests', () => {
  const build = makeBuildDir();
  after(build.cleanup);
  // Bigger than a read stream's 64 KiB chunks, so a slice crosses chunk boundaries.
  const SIZE = 200_000;
  const data = Uint8Array.from({ length: SIZE }, (_, i) => (i * 31) % 253);
  mkdirSync(join(build.buildDir, 'media'));
  const file = join(build.buildDir, 'media', 'tone.wav');
  writeFileSync(file, data);
  const modified = statSync(file).mtime;
  const shellac = createShellacServer({ buildDir: build.buildDir, shell: () => '' });
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const r = await shellac.handle(new Request(`http://x${path}`, { method, headers }));
    assert.ok(r, `${path} should be served`);
    return r;
  };
  const etag = async () => (await get('/static/media/tone.wav', {}, 'HEAD')).headers.get('etag')!;

  test('every 200 says Accept-Ranges: bytes, with the full length', async () => {
    const r = await get('/static/media/tone.wav');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('accept-ranges'), 'bytes');
    assert.equal(r.headers.get('content-length'), String(SIZE));
    assert.equal(r.headers.get('content-type'), 'audio/wav');
    assert.deepEqual(new Uint8Array(await r.arrayBuffer()), data);
  });

  test('a range is streamed from the file: 206, Content-Range, exactly those bytes', async () => {
    for (const [range, start, end] of [['bytes=100000-150000', 100000, 150000], ['bytes=199990-', 199990, SIZE - 1], ['bytes=-10', SIZE - 10, SIZE - 1], ['bytes=0-0', 0, 0]] as const) {
      const r = await get('/static/media/tone.wav', { Range: range });
      assert.equal(r.status, 206, range);
      assert.equal(r.headers.get('content-range'), `bytes ${start}-${end}/${SIZE}`, range);
      assert.equal(r.headers.get('content-length'), String(end - start + 1), range);
      assert.equal(r.headers.get('cache-control'), 'no-cache', range);
      assert.deepEqual(new Uint8Array(await r.arrayBuffer()), data.slice(start, end + 1), range);
    }
  });

  test('416 for a range past the end, with Content-Range: bytes */size', async () => {
    const r = await get('/static/media/tone.wav', { Range: `bytes=${SIZE}-` });
    assert.equal(r.status, 416);
    assert.equal(r.headers.get('content-range'), `bytes */${SIZE}`);
  });

  test("If-Range with the file's ETag or Last-Modified date keeps the range; a stale one gets the whole file", async () => {
    const tag = await etag();
    assert.equal((await get('/static/media/tone.wav', { Range: 'bytes=0-9', 'If-Range': tag })).status, 206);
    assert.equal((await get('/static/media/tone.wav', { Range: 'bytes=0-9', 'If-Range': modified.toUTCString() })).status, 206);
    const stale = await get('/static/media/tone.wav', { Range: 'bytes=0-9', 'If-Range': '"1-1"' });
    assert.equal(stale.status, 200);
    assert.equal((await stale.arrayBuffer()).byteLength, SIZE);
  });

  test('HEAD ignores Range; If-None-Match and If-Modified-Since give 304', async () => {
    const head = await get('/static/media/tone.wav', { Range: 'bytes=0-9' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, null);
    assert.equal(head.headers.get('content-length'), String(SIZE));
    assert.equal((await get('/static/media/tone.wav', { 'If-None-Match': await etag(), Range: 'bytes=0-9' })).status, 304);
    assert.equal((await get('/static/media/tone.wav', { 'If-Modified-Since': modified.toUTCString() })).status, 304);
  });

  test('the root files take ranges too (sw.js)', async () => {
    const r = await get('/sw.js', { Range: 'bytes=0-3' });
    assert.equal(r.status, 206);
    assert.equal(await r.text(), 'self');
    assert.equal(r.headers.get('service-worker-allowed'), '/');
  });
});
