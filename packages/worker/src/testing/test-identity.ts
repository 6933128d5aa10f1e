import { cacheName, RESERVED_PATH } from '@shellac/protocol';
import { createCacheRegistry } from '../caches/cache-registry.js';
import { createMetaStore } from '../core/meta-store.js';
import { startIdentity, type Identity } from '../identity/identity.js';

/** Identity for a scope (a path), as createShellac starts it: a switch drops the other people's caches for real. */
export function testIdentity(scopeUrl: URL): Identity {
  const scope = scopeUrl.pathname;
  const meta = createMetaStore({ cacheName: cacheName({ scope, kind: 'meta' }), base: scopeUrl.href + RESERVED_PATH });
  const registry = createCacheRegistry({ scope, meta });
  return startIdentity({ scope: scopeUrl, meta, log: () => {}, drop: (owner) => registry.drop((c) => c.owner !== undefined && c.owner !== owner), notify: async () => {} });
}

/** A response observed as the server's, naming its person (`X-Shellac-User`). */
export const taggedFor = (tag: string, body = '') => new Response(body, { headers: { 'X-Shellac-User': tag } });
