import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { HEADER } from '@shellac/protocol';
import { createShellacServer, ShellacServerError } from './index.js';
import { at, build, handled, SHELL } from './testing/shellac.js';

describe('handle: the shell', () => {
  const hash = createHash('sha256').update(SHELL).digest('hex').slice(0, 16);

  test('is rendered, versioned by the hash of its bytes, revalidated', async () => {
    const r = await handled('/__shell');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(r.headers.get(HEADER.shell), hash);
    assert.equal(r.headers.get('etag'), `"${hash}"`);
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get('vary'), null);
    assert.equal(await r.text(), SHELL);
  });

  test('answers 304 to its ETag, and HEAD without a body', async () => {
    const r = await handled('/__shell', { headers: { 'If-None-Match': `"${hash}"` } });
    assert.equal(r.status, 304);
    assert.equal(r.headers.get(HEADER.shell), hash);
    assert.equal(r.body, null);
    const head = await handled('/__shell', { method: 'HEAD' });
    assert.equal(head.body, null);
    assert.equal(head.headers.get('content-length'), String(SHELL.length));
    assert.equal((await handled('/__shell', { method: 'POST' })).status, 405);
  });

  test('may be a Response (its headers kept) and depend on the request, at a chosen path', async () => {
    const seen: string[] = [];
    const server = createShellacServer({
      buildDir: build.buildDir,
      shellPath: '/app-shell',
      shell: async (request) => {
        seen.push(new URL(request.url).pathname);
        return new Response(SHELL, { headers: { 'Content-Type': 'text/html; charset=utf-8', [HEADER.user]: 'anonymous' } });
      },
    });
    assert.equal(await server.handle(at('/__shell')), undefined);
    const r = await server.handle(at('/app-shell'));
    assert.equal(r?.headers.get(HEADER.user), 'anonymous');
    assert.equal(r?.headers.get(HEADER.shell), hash);
    assert.deepEqual(seen, ['/app-shell']);
  });

  test('an error page is passed on unversioned, so no worker keeps it', async () => {
    const server = createShellacServer({ buildDir: build.buildDir, shell: () => new Response('oops', { status: 500 }) });
    const r = await server.handle(at('/__shell'));
    assert.equal(r?.status, 500);
    assert.equal(r?.headers.get(HEADER.shell), null);
    assert.equal(r?.headers.get('etag'), null);
  });

  test('a shell option that returns something else is a clear error', async () => {
    const server = createShellacServer({ buildDir: build.buildDir, shell: () => 42 as unknown as string });
    await assert.rejects(server.handle(at('/__shell')), (e: unknown) => e instanceof ShellacServerError && e.code === 'shell');
  });
});
