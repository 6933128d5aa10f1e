import type { IdentityConfig } from '@shellac/protocol';
import { startIdentity, type Identity, type IdentityEnv } from './identity.js';

/** Identity for `createShellac({ identity })`: started by the runtime, which lends it what it needs. */
export interface IdentityFeature {
  start(env: IdentityEnv): Identity;
}

/**
 * Keeps each person's pages apart: the pages cache, `perUser` runtime caches and a per-user shell
 * are kept per user tag (`X-Shellac-User`), and dropped when another person signs in or this one
 * signs out. Leaving it out of `createShellac` keeps its code out of the bundle, for sites where
 * nobody signs in.
 */
export function createIdentity(options: IdentityConfig = {}): IdentityFeature {
  return { start: (env) => startIdentity({ ...env, ...options }) };
}
