import { PREFIX } from './files.js';

// The grammar below spells the prefix and the owner mark literally; a test checks they agree.

/** The kinds of cache a Shellac worker keeps, one partition each. */
export type CacheKind = 'precache' | 'pages' | 'runtime' | 'meta' | 'shell' | 'saved' | 'data';

/** What a cache name says: whose scope, what kind, which one of its kind, and whose. */
export interface CacheNameParts {
  /** The registration scope's path (`/`, `/docs/`, `/~alice/`). */
  scope: string;
  kind: CacheKind;
  /** Which cache of its kind (runtime caches: `clips`). Letters, digits, `-` and `_`. */
  name?: string;
  /** Whose cache (per-person caches): the owner's key, see {@link ownerKey}. */
  owner?: string;
}

/** Where a per-person cache name puts its owner's key: `shellac:/:pages~<key>`. */
export const OWNER_MARK = '~';

// The scope is a path, so it starts and ends with `/` and may hold anything between, `:` and `~`
// included (`/~alice/docs/`); what follows its last `/` holds neither `/` nor anything but word
// characters and `-`, which makes the split unambiguous.
const GRAMMAR = /^shellac:(\/(?:.*\/)?):(precache|pages|runtime|meta|shell|saved|data)(?::([\w-]{1,64}))?(?:~([\w-]{1,64}))?$/;

/** True for a string that can be a cache's own name or an owner's key: 1-64 letters, digits, `-`, `_`. */
export function isCacheWord(word: string): boolean {
  return /^[\w-]{1,64}$/.test(word);
}

/**
 * The name of one of a scope's caches: `shellac:<scope>:<kind>[:<name>][~<owner>]`. The scope is
 * the registration scope's path, so two workers on one origin never touch each other's caches.
 * `name` and `owner` must pass {@link isCacheWord} (callers check what they did not make).
 */
export function cacheName(parts: CacheNameParts): string {
  const { scope, kind, name, owner } = parts;
  return `${PREFIX}:${scope}:${kind}${name === undefined ? '' : `:${name}`}${owner === undefined ? '' : `${OWNER_MARK}${owner}`}`;
}

/**
 * Reads a cache name back into its parts; undefined for a cache that is not Shellac's. Every
 * decision about a cache (whose scope, whose person) is made on these parts, never by looking for
 * a substring in the name: a scope may itself hold `~` or `:`.
 */
export function parseCacheName(full: string): CacheNameParts | undefined {
  const m = GRAMMAR.exec(full);
  if (!m) return undefined;
  const parts: CacheNameParts = { scope: m[1]!, kind: m[2] as CacheKind }; // the pattern captures both, kind from KINDS
  if (m[3] !== undefined) parts.name = m[3];
  if (m[4] !== undefined) parts.owner = m[4];
  return parts;
}

/**
 * The scope of a Shellac cache name, as {@link parseCacheName} reads it, for code that needs only
 * that (the page's fallback `clear`, where every byte ships): the path up to the name's last `/`.
 * Undefined for names that are not Shellac's.
 */
export function cacheScope(name: string): string | undefined {
  const end = name.lastIndexOf('/') + 1;
  return name.startsWith('shellac:/') && name[end] === ':' ? name.slice(8, end) : undefined;
}

/** A cache-name-safe key for a user tag (tags from other backends may hold any character). */
export function ownerKey(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || '_';
}
