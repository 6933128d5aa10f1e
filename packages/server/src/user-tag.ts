import { createHmac } from 'node:crypto';
import { ANONYMOUS } from '@shellac/protocol';
import { ShellacServerError } from './errors.js';

/** Options of {@link createUserTagger}. */
export interface UserTaggerOptions {
  /**
   * The key of the tags, kept on the server only. A list rotates it: the first is current, the
   * rest are previous secrets whose tags are still sent, so browsers that knew a person by an old
   * tag still recognise them and keep their offline pages.
   */
  secret: string | readonly string[];
}

/** The ids a tag can name: a person's id, or null/undefined for nobody signed in. */
export type UserId = string | number | null | undefined;

/**
 * A secret shorter than this is guessable offline: anyone who sees a tag could try candidate
 * secrets against a known id and then tag any id they like.
 */
const MIN_SECRET_LENGTH = 16;

/**
 * 22 base64url characters are 132 bits: no two people of any site collide, and the header stays
 * short enough to sit on every response.
 */
const TAG_LENGTH = 22;

/** The secrets as a list, checked, newest first. */
function secretsOf(options: UserTaggerOptions | undefined): readonly string[] {
  const given = options?.secret;
  const secrets = typeof given === 'string' ? [given] : Array.isArray(given) ? given : undefined;
  if (!secrets || secrets.length === 0) {
    throw new ShellacServerError('options', 'user tags: `secret` is required: a random string of at least 16 characters kept on the server (for a rotation, a list with the new secret first).', { option: 'secret' });
  }
  secrets.forEach((secret: unknown, index) => {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      throw new ShellacServerError(
        'options',
        `user tags: \`secret\`${secrets.length > 1 ? `[${index}]` : ''} should be a string of at least ${MIN_SECRET_LENGTH} characters (try \`openssl rand -base64 32\`), read from the environment rather than written in the code.`,
        { option: 'secret', index },
      );
    }
  });
  return [...new Set(secrets)];
}

/**
 * Throws unless `id` can name one person. An object would become `[object Object]`, the same tag
 * for everyone, which is exactly the leak tags exist to prevent.
 */
export function checkUserId(id: unknown): asserts id is UserId {
  if (id === null || id === undefined || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return;
  throw new ShellacServerError('user-id', `user tags: the id should be a string or a number (or null for nobody signed in), not ${typeof id === 'number' ? id : typeof id}. Pass the user's id, not the user object.`, { value: typeof id });
}

/**
 * Makes the function that names a person on the wire without giving away who they are: the
 * service worker only compares tags (to drop the previous person's caches when someone else signs
 * in), so it gets a keyed hash that nobody without the secret can link back to an id or forge.
 * Computed with the keys prepared once; each call is one HMAC per secret.
 *
 * ```ts
 * const userTag = createUserTagger({ secret: process.env.SHELLAC_SECRET! });
 * userTag(42);   // 'bX0c…' (22 characters)
 * userTag(null); // 'anonymous'
 * ```
 */
export function createUserTagger(options: UserTaggerOptions): (id: UserId) => string {
  const secrets = secretsOf(options);
  const tagUnder = (secret: string, id: string): string => createHmac('sha256', secret).update(id).digest('base64url').slice(0, TAG_LENGTH);
  const only = secrets.length === 1 ? secrets[0] : undefined; // the usual case: no list to build
  return function userTag(id) {
    checkUserId(id);
    // An empty id names nobody: it is what a missing cookie or a blank session field reads as.
    if (id === null || id === undefined || id === '') return ANONYMOUS;
    const text = String(id);
    // Newest first, the rotation wire format: a worker that knows any of them knows the person.
    return only !== undefined ? tagUnder(only, text) : secrets.map((secret) => tagUnder(secret, text)).join(', ');
  };
}
