import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FILES } from '@shellac/protocol';
import { createShellacServer } from './index.js';
import { HASHED_CSS, makeBuildDir } from './testing/build-dir.js';
import { at, build, handled, shellac } from './testing/shellac.js';
import { throwsCode } from './testing/throws-code.js';

describe('createShellacServer', () => {
  test('needs a build folder and a shell, checked at once', () => {
    throwsCode(() => createShellacServer({ buildDir: '', shell: () => '' }), 'options');
    throwsCode(() => createShellacServer({ buildDir: 'build', shell: undefined as unknown as () => string }), 'options');
    throwsCode(() => createShellacServer({ buildDir: 'build', shell: () => '', shellPath: 'shell' }), 'options');
    // Nothing is read yet: a server can be created before the first build.
    assert.doesNotThrow(() => createShellacServer({ buildDir: join(build.root, 'not-built'), shell: () => '' }));
  });

  test('leaves every other URL to the application', async () => {
    for (const path of ['/', '/lesson/3', '/static/css/nope.css', '/static/', '/staticky', '/sw.js/x']) {
      assert.equal(await shellac.handle(at(path)), undefined, path);
    }
    // Other methods under the base stay the application's unless the file exists.
    assert.equal(await shellac.handle(at('/static/upload', { method: 'POST' })), undefined);
    assert.equal((await handled('/static/css/app.css', { method: 'DELETE' })).status, 405);
  });
});

describe('handle: the build files at the root', () => {
  test('sw.js: no-cache, scope /, JavaScript', async () => {
    const r = await handled('/sw.js');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get('service-worker-allowed'), '/');
    assert.equal(r.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await r.text(), /addEventListener/);
  });

  test('the client, its clear fallback, the shell loader and the manifest: no-cache, right types', async () => {
    const types: Record<string, string> = {
      [FILES.client]: 'text/javascript; charset=utf-8',
      // An ES module: a browser refuses one served without a JavaScript type.
      [FILES.clearClient]: 'text/javascript; charset=utf-8',
      [FILES.shellClient]: 'text/javascript; charset=utf-8',
      [FILES.manifest]: 'application/json',
    };
    for (const [name, type] of Object.entries(types)) {
      const r = await handled(`/${name}`);
      assert.equal(r.headers.get('cache-control'), 'no-cache', name);
      assert.equal(r.headers.get('content-type'), type, name);
      assert.equal(r.headers.get('service-worker-allowed'), null, name);
      await r.arrayBuffer();
    }
  });

  test('ETag/304, HEAD without a body, only GET and HEAD', async () => {
    const first = await handled('/sw.js');
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    assert.equal((await handled('/sw.js', { headers: { 'If-None-Match': `"other", W/${etag}` } })).status, 304);
    const head = await handled('/sw.js', { method: 'HEAD' });
    assert.equal(head.body, null);
    assert.equal(head.headers.get('content-length'), String('self.addEventListener("fetch", () => {});'.length));
    const post = await handled('/sw.js', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  test('a missing build file is a 404 that says to build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'shellac-empty-'));
    after(() => rmSync(empty, { recursive: true, force: true }));
    const r = await createShellacServer({ buildDir: empty, shell: () => '' }).handle(at('/sw.js'));
    assert.equal(r?.status, 404);
    assert.match(await r!.text(), /sw\.js is missing.*shellac build --app/);
  });
});

describe('handle: static files under the assets base', () => {
  test('hashed names are immutable for a year; others revalidate', async () => {
    const hashed = await handled(`/static/${HASHED_CSS}`);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(await hashed.text(), 'body{color:red}');
    const plain = await handled('/static/css/app.css');
    assert.equal(plain.headers.get('cache-control'), 'no-cache');
    await plain.arrayBuffer();
    const svg = await handled('/static/img/logo.0a1b2c3d.svg', { method: 'HEAD' });
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.equal(svg.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(svg.body, null);
  });

  test('ETag and 304', async () => {
    const r = await handled('/static/css/app.css');
    await r.arrayBuffer();
    const again = await handled('/static/css/app.css', { headers: { 'If-None-Match': r.headers.get('etag')! } });
    assert.equal(again.status, 304);
    assert.equal(again.body, null);
    assert.equal(again.headers.get('etag'), r.headers.get('etag'));
    assert.equal((await handled('/static/css/app.css', { headers: { 'If-None-Match': '"nope"' } })).status, 200);
  });

  test('refuses paths that leave the build folder and bad encodings', async () => {
    const escape = await handled('/static/..%2f..%2fsecret.txt');
    assert.equal(escape.status, 403);
    assert.doesNotMatch(await escape.text(), /do not serve/);
    assert.equal((await handled('/static/css%2f..%2f..%2f..%2fsecret.txt')).status, 403);
    assert.equal((await handled('/static/%E0%A4%A')).status, 400);
  });

  test('a CDN base is left to the CDN', async () => {
    const cdn = makeBuildDir();
    after(cdn.cleanup);
    writeFileSync(join(cdn.buildDir, FILES.assets), JSON.stringify({ base: 'https://cdn.example/static/', files: { 'css/app.css': HASHED_CSS } }));
    const server = createShellacServer({ buildDir: cdn.buildDir, shell: () => '' });
    assert.equal(await server.handle(at(`/static/${HASHED_CSS}`)), undefined);
    assert.equal(server.asset('css/app.css'), `https://cdn.example/static/${HASHED_CSS}`);
  });
});
