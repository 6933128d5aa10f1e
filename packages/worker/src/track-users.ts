import type { IdentityConfig } from '@shellac/protocol';
import { startIdentity, type Identity, type IdentityEnv } from './create-identity.js';

/** Identity for `createShellac({ identity })`: made by the runtime, which lends it its caches and clients. */
export interface IdentityFeature {
  create(env: IdentityEnv): Identity;
}

/**
 * Keeps each person's pages apart (issue 4): the pages cache and `perUser` runtime caches are
 * kept per user tag (`X-Shellac-User`), and dropped when another person signs in or this one
 * signs out. Leaving it out of `createShellac` keeps its code out of the bundle, for sites where
 * nobody signs in.
 */
export function createIdentity(options: IdentityConfig = {}): IdentityFeature {
  return { create: (env) => startIdentity({ ...env, ...options }) };
}
