import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSite } from '@shellac/cli';
import { createSongbook, type Songbook } from './app.js';
import { PACKAGE_DIR } from './paths.js';

// The real app (routes, database, seed) over its own fresh database and static build.
describe('Songbook media routes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'songbook-test-'));
  let songbook: Songbook;
  const get = (path: string, headers: Record<string, string> = {}) => songbook.fetch(new Request(`http://127.0.0.1${path}`, { headers }));
  const bytes = async (r: Response) => new Uint8Array(await r.arrayBuffer());

  before(async () => {
    const buildDir = join(dir, 'build');
    await buildSite({ siteDir: join(PACKAGE_DIR, 'static'), outDir: buildDir, app: true, base: '/static/', configFile: join(PACKAGE_DIR, 'shellac.config.json') });
    songbook = createSongbook({ dbPath: join(dir, 'songbook.db'), buildDir, secret: 'songbook-test-secret-0123456789' });
  });
  after(() => {
    songbook?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a clip is a 30-second WAV (8-bit mono 8 kHz), served whole with Accept-Ranges', async () => {
    const r = await get('/lessons/1/clip.wav');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'audio/wav');
    assert.equal(r.headers.get('accept-ranges'), 'bytes');
    const wav = Buffer.from(await bytes(r));
    assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
    assert.equal(wav.readUInt16LE(22), 1); // mono
    assert.equal(wav.readUInt32LE(24), 8000);
    assert.equal(wav.readUInt16LE(34), 8);
    assert.equal(wav.readUInt32LE(40) / 8000, 30); // data bytes / bytes a second
    assert.equal(Number(r.headers.get('content-length')), wav.byteLength);
  });

  test('Range: bytes=1000-1999 on a clip gives 206 with exactly those bytes', async () => {
    const whole = await bytes(await get('/lessons/3/clip.wav'));
    const r = await get('/lessons/3/clip.wav', { Range: 'bytes=1000-1999' });
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('content-range'), `bytes 1000-1999/${whole.byteLength}`);
    assert.equal(r.headers.get('content-length'), '1000');
    assert.deepEqual(await bytes(r), whole.slice(1000, 2000));
  });

  test('If-Range with the clip’s ETag keeps the range; another ETag gets the whole clip', async () => {
    const head = await get('/lessons/3/clip.wav');
    const etag = head.headers.get('etag')!;
    await head.arrayBuffer();
    assert.equal((await get('/lessons/3/clip.wav', { Range: 'bytes=0-99', 'If-Range': etag })).status, 206);
    const stale = await get('/lessons/3/clip.wav', { Range: 'bytes=0-99', 'If-Range': '"an-old-clip"' });
    assert.equal(stale.status, 200);
    assert.equal((await bytes(stale)).byteLength, Number(stale.headers.get('content-length')));
  });

  test('the sheet music honours If-None-Match and Range; a missing lesson is 404', async () => {
    const sheet = await get('/lessons/2/sheet.svg');
    assert.equal(sheet.status, 200);
    assert.equal(sheet.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    const svg = await sheet.text();
    assert.match(svg, /^<\?xml /);
    const again = await get('/lessons/2/sheet.svg', { 'If-None-Match': sheet.headers.get('etag')! });
    assert.equal(again.status, 304);
    const start = await get('/lessons/2/sheet.svg', { Range: 'bytes=0-4' });
    assert.equal(start.status, 206);
    assert.equal(await start.text(), svg.slice(0, 5));
    const past = await get('/lessons/2/sheet.svg', { Range: 'bytes=99999999-' });
    assert.equal(past.status, 416);
    assert.equal((await get('/lessons/999/clip.wav')).status, 404);
  });
});
