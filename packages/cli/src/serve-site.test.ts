import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cacheControlFor, serveSite } from './serve-site.js';

const root = mkdtempSync(join(tmpdir(), 'shellac-serve-'));
let base = '';
let close = () => {};
before(async () => {
  mkdirSync(join(root, 'guide'));
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'guide/index.html'), '<p>guide</p>');
  writeFileSync(join(root, 'sw.js'), 'self');
  writeFileSync(join(root, 'app.3f9a1c2b.js'), 'app');
  const server = await serveSite({ dir: root, port: 0, base: '/docs/' });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/`; // TCP listener
  close = () => server.close();
});
after(() => {
  close();
  rmSync(root, { recursive: true, force: true });
});

test('sw.js revalidates; hashed names are immutable; others revalidate', () => {
  assert.equal(cacheControlFor('/sw.js'), 'no-cache');
  assert.equal(cacheControlFor('/docs/shellac-manifest.json'), 'no-cache');
  assert.equal(cacheControlFor('/js/app.3f9a1c2b.js'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControlFor('/css/site-A1B2C3D4.css'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControlFor('/css/site.css'), 'no-cache');
  assert.equal(cacheControlFor('/img/background-image.png'), 'no-cache');
  assert.equal(cacheControlFor('/fonts/roboto-condensed.woff2'), 'no-cache');
  assert.equal(cacheControlFor('/media/intro-sequence.mp4'), 'no-cache');
  assert.equal(cacheControlFor('/reports/report-20241231.pdf'), 'no-cache');
  assert.equal(cacheControlFor('/page.3f9a1c2b.html'), 'no-cache');
});

test('serves under the prefix with types, ETags and 304s', async () => {
  const r = await fetch(`${base}sw.js`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(r.headers.get('cache-control'), 'no-cache');
  const again = await fetch(`${base}sw.js`, { headers: { 'If-None-Match': r.headers.get('etag')! } });
  assert.equal(again.status, 304);
  assert.equal((await fetch(`${base}app.3f9a1c2b.js`)).headers.get('cache-control'), 'public, max-age=31536000, immutable');
});

test('folders get their index, with a redirect to the slash', async () => {
  assert.equal(await (await fetch(`${base}guide/`)).text(), '<p>guide</p>');
  const r = await fetch(`${base}guide`, { redirect: 'manual' });
  assert.equal(r.status, 301);
  assert.equal(r.headers.get('location'), '/docs/guide/');
});

test('outside the prefix, missing files and escapes are refused', async () => {
  assert.equal((await fetch(base.replace('/docs/', '/index.html'))).status, 404);
  assert.equal((await fetch(`${base}nope.html`)).status, 404);
  assert.equal((await fetch(`${base}..%2f..%2fetc%2fpasswd`)).status, 403);
  assert.equal((await fetch(`${base}index.html`, { method: 'POST' })).status, 405);
});

test('a file replaced while served is sent as opened, HEAD sends the head alone, and a failed read never stops the server', async () => {
  writeFileSync(join(root, 'page.html'), '<p>one</p>');
  assert.equal(await (await fetch(`${base}page.html`)).text(), '<p>one</p>');
  // A rebuild swaps the file: the next request gets the new bytes with their own length.
  writeFileSync(join(root, 'next.html'), '<p>two, longer</p>');
  renameSync(join(root, 'next.html'), join(root, 'page.html'));
  const replaced = await fetch(`${base}page.html`);
  assert.equal(replaced.headers.get('content-length'), String('<p>two, longer</p>'.length));
  assert.equal(await replaced.text(), '<p>two, longer</p>');
  const head = await fetch(`${base}page.html`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), String('<p>two, longer</p>'.length));
  // A file that opens but cannot be read (Linux: reading this process's memory at 0 fails with EIO).
  symlinkSync('/proc/self/mem', join(root, 'unreadable.bin'));
  await fetch(`${base}unreadable.bin`).then((r) => r.arrayBuffer()).catch(() => undefined);
  assert.equal(await (await fetch(`${base}guide/`)).text(), '<p>guide</p>');
});

test('a visitor gone in the middle of a file closes the file (no descriptor is left to the garbage collector)', async () => {
  const big = join(root, 'big.bin');
  writeFileSync(big, Buffer.alloc(16 * 1024 * 1024, 1)); // far more than the socket buffers take at once
  /** This process's descriptors open on the file (Linux). */
  const target = (fd: string) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`, { encoding: 'utf8' });
    } catch {
      return undefined; // closed since the listing (the listing's own descriptor among them)
    }
  };
  const openOnBig = () => readdirSync('/proc/self/fd').filter((fd) => target(fd) === big).length;
  await new Promise<void>((resolve, reject) => {
    const req = request(`${base}big.bin`, (res) => res.once('data', () => (req.destroy(), resolve())));
    req.on('error', reject).end();
  });
  for (let i = 0; openOnBig() > 0; i++) {
    assert.ok(i < 200, `the file is still open ${i * 10} ms after the visitor left`);
    await new Promise((r) => setTimeout(r, 10));
  }
});
