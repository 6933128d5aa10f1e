import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createMetaStore } from '../core/meta-store.js';
import { manifestOf } from '../testing/manifest-of.js';
import { createPrecache } from './precache.js';

// Runs in a service worker: a real install (inlined manifest, files from the test server), then
// the paths the browser's static routes get.
const server = testServer();
beforeEach(() => server.reset());

const FILES = {
  'assets/app.3f9a1c2b.js': 'app',
  'assets/css/site.1a2b3c4d.css': 'css',
  'x(1)/a.0a1b2c3d.js': 'a',
  'x(1)/b.4e5f6a7b.js': 'b',
  'docs/page.html': '<h1>page</h1>',
  'docs/chunk.5e6f7a8b.js': 'chunk',
  'lone.9c8d7e6f.js': 'lone',
  'index.html': '<h1>home</h1>',
};

/** Installs FILES under `/<dir>/` with the given hashed folders; resolves `routed()` sorted. */
async function routedWith(dir: string, hashedFolders: string[]) {
  const manifest = await manifestOf('v1', FILES);
  for (const [path, body] of Object.entries(FILES)) await server.route(`/${dir}/${path}`, { body });
  const precache = createPrecache({
    cacheName: cacheName({ scope: `/${dir}/`, kind: 'precache' }),
    version: 'v1',
    manifestUrl: new URL(server.url(`/${dir}/shellac-manifest.json`)),
    inline: { ...manifest, hashedFolders },
    scope: new URL(server.url(`/${dir}/`)),
    meta: createMetaStore({ cacheName: cacheName({ scope: `/${dir}/`, kind: 'meta' }), base: server.url(`/${dir}/__shellac/`) }),
    log: () => {},
  });
  await server.route(`/${dir}/shellac-manifest.json`, { body: '{}' }); // a first install asks for its headers only
  await precache.install();
  return precache.routed().sort();
}

test('a hashed folder is one pattern (its syntax escaped); other hashed files one each; pages none', async () => {
  assert.deepEqual(await routedWith('s1', ['assets/', 'x(1)/']), [
    '/s1/assets/*',
    '/s1/docs/chunk.5e6f7a8b.js',
    '/s1/lone.9c8d7e6f.js',
    '/s1/x\\(1\\)/*',
  ]);
});

test('without hashed folders, every hashed file is its own pattern', async () => {
  assert.deepEqual(await routedWith('s2', []), [
    '/s2/assets/app.3f9a1c2b.js',
    '/s2/assets/css/site.1a2b3c4d.css',
    '/s2/docs/chunk.5e6f7a8b.js',
    '/s2/lone.9c8d7e6f.js',
    '/s2/x\\(1\\)/a.0a1b2c3d.js',
    '/s2/x\\(1\\)/b.4e5f6a7b.js',
  ]);
});

test('a folder claim the worker can disprove is dropped: a file checked by hash in it, the scope, outside it', async () => {
  // docs/ holds a page; ./ is the scope; ../ and another origin are outside it.
  const routed = await routedWith('s3', ['docs/', './', '../', 'https://cdn.example/s3/assets/', 'assets/']);
  assert.deepEqual(routed, ['/s3/assets/*', '/s3/docs/chunk.5e6f7a8b.js', '/s3/lone.9c8d7e6f.js', '/s3/x\\(1\\)/a.0a1b2c3d.js', '/s3/x\\(1\\)/b.4e5f6a7b.js']);
});
