/** The prefix of every cache, header and message Shellac owns, so one glance tells what is ours. */
export const PREFIX = 'shellac';

/** The kinds of cache a Shellac worker keeps, one partition each. */
export type CacheKind = 'precache' | 'pages' | 'runtime' | 'meta' | 'shell';

/**
 * The name of one of a scope's caches: `shellac:<scope>:<kind>[:<name>]`.
 * The scope is the registration scope's path, so two workers on one origin never touch each
 * other's caches.
 */
export function cacheName(scope: string, kind: CacheKind, name?: string): string {
  return `${PREFIX}:${scope}:${kind}${name ? `:${name}` : ''}`;
}

/** The prefix shared by every cache of one scope (for listing and clearing them). */
export function scopePrefix(scope: string): string {
  return `${PREFIX}:${scope}:`;
}

/** Names the build gives to the files it writes next to the site. */
export const FILES = {
  worker: 'sw.js',
  client: 'shellac.js',
  manifest: 'shellac-manifest.json',
  offline: 'offline.html',
  /** App mode: source name → hashed URL of every static file, for the server's `asset()`. */
  assets: 'shellac-assets.json',
  /** App mode: the shell loader script (content fetching, swapping, link interception). */
  shellClient: 'shellac-shell.js',
} as const;

/** Reserved path segment under the scope for keys that are not real URLs (precache by hash). */
export const RESERVED_PATH = '__shellac/';
