import type { UserConfig } from '@shellac/protocol';
import { createIdentity, type Identity, type IdentityEnv } from './create-identity.js';

/** Identity for `createShellac({ users })`: made by the runtime, which lends it its caches and clients. */
export interface UserTracking {
  create(env: IdentityEnv): Identity;
}

/**
 * Keeps each person's pages apart (issue 4): the pages cache and `perUser` runtime caches are
 * kept per user tag (`X-Shellac-User`), and dropped when another person signs in or this one
 * signs out. Leaving it out of `createShellac` keeps its code out of the bundle, for sites where
 * nobody signs in.
 */
export function trackUsers(options: UserConfig = {}): UserTracking {
  return { create: (env) => createIdentity({ ...env, ...options }) };
}
