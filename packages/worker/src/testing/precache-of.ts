// Test support for the precache's units (run in a service worker, files from the test server):
// a precache in a test's own scope, and what it answers.
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { createMetaStore } from '../core/meta-store.js';
import { createPrecache, type PrecacheOptions } from '../precache/precache.js';

const server = testServer();

/** Each test has its own scope (and so its own caches): `/<dir>/`. */
export const precacheOf = (dir: string, version: string, extra: Partial<PrecacheOptions> = {}) =>
  createPrecache({
    cacheName: cacheName({ scope: `/${dir}/`, kind: 'precache' }),
    version,
    manifestUrl: new URL(server.url(`/${dir}/shellac-manifest.json`)),
    scope: new URL(server.url(`/${dir}/`)),
    meta: createMetaStore({ cacheName: cacheName({ scope: `/${dir}/`, kind: 'meta' }), base: server.url(`/${dir}/__shellac/`) }),
    log: () => {},
    ...extra,
  });

export const at = (dir: string, path: string) => new URL(server.url(`/${dir}/${path}`));
export const text = async (response: Promise<Response | undefined>) => (await response)?.text();
