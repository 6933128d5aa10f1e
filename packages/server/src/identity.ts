// Internal: who each response is for. `createShellacServer` prepares one identity from its
// `identity` option; each view's state then carries what the app said about its request
// (`user(id)`, `loggedOut()`), and `finishHeaders` asks it for the headers to send.
import { ANONYMOUS, type RequestLike } from '@shellac/protocol';
import { ShellacServerError } from './errors.js';
import { checkUserId, createUserTagger, type UserId } from './user-tag.js';

/** The storage types `Clear-Site-Data` defines (W3C Clear Site Data). */
export type ClearSiteDataType = 'cache' | 'cookies' | 'storage' | 'executionContexts' | '*';

const CLEAR_TYPES: ReadonlySet<string> = new Set<ClearSiteDataType>(['cache', 'cookies', 'storage', 'executionContexts', '*']);

/** The `identity` option of `createShellacServer`. */
export interface IdentityOptions {
  /**
   * Keys the tags (see `createUserTagger`): a random string of 16+ characters from the
   * environment, or a list, newest first, while rotating it without logging anyone out.
   */
  secret: string | readonly string[];
  /**
   * Who a request is from, for apps that know it from the request alone (a session cookie): then
   * every page is tagged without a call in each route. Return null when nobody is signed in.
   */
  identify?: (request: RequestLike) => UserId;
  /**
   * Also send `Clear-Site-Data` on a logout (`view.loggedOut()`), for sites that want the browser
   * itself to wipe what it kept: `true` is `"cache", "storage"` (the HTTP cache, every Cache
   * Storage cache, IndexedDB, and the worker itself). The tag alone already keeps people apart.
   */
  clearSiteData?: boolean | readonly ClearSiteDataType[];
}

/** What a response says about its person: `X-Shellac-User`, and on a logout maybe `Clear-Site-Data`. */
export interface IdentityHeaders {
  readonly tag: string;
  readonly clearSiteData?: string;
}

/** Given whether the response is HTML, what it should say about its person (undefined: nothing). */
export type IdentityResolver = (html: boolean) => IdentityHeaders | undefined;

/** One request's identity: what its view exposes, and what finishing its response asks. */
export interface RequestIdentity {
  user(id: UserId): void;
  loggedOut(): void;
  headers: IdentityResolver;
}

/** A server's identity settings, prepared once. */
export interface Identity {
  userTag(id: UserId): string;
  forRequest(request: RequestLike): RequestIdentity;
}

function clearSiteDataValue(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return '"cache", "storage"';
  const types = Array.isArray(value) ? (value as unknown[]) : undefined; // checked one by one below
  const wrong = types?.find((type) => typeof type !== 'string' || !CLEAR_TYPES.has(type));
  if (!types || types.length === 0 || wrong !== undefined) {
    throw new ShellacServerError(
      'options',
      `createShellacServer: \`identity.clearSiteData\` should be true, or a list of ${[...CLEAR_TYPES].map((t) => `"${t}"`).join(', ')}${wrong === undefined ? '' : `, not ${JSON.stringify(wrong)}`}.`,
      { option: 'identity.clearSiteData', value: wrong ?? value },
    );
  }
  return types.map((type) => `"${String(type)}"`).join(', ');
}

/** Checks the `identity` option and prepares the tagger and the logout headers once. */
export function prepareIdentity(options: IdentityOptions): Identity {
  if (typeof options !== 'object' || options === null) {
    throw new ShellacServerError('options', 'createShellacServer: `identity` should be an object: `{ secret, identify?, clearSiteData? }`.', { option: 'identity' });
  }
  const { identify } = options;
  if (identify !== undefined && typeof identify !== 'function') {
    throw new ShellacServerError('options', 'createShellacServer: `identity.identify` should be a function (request) => the user id, or null for nobody signed in.', { option: 'identity.identify' });
  }
  const userTag = createUserTagger({ secret: options.secret });
  const clearSiteData = clearSiteDataValue(options.clearSiteData);
  const logout: IdentityHeaders = clearSiteData ? { tag: ANONYMOUS, clearSiteData } : { tag: ANONYMOUS };
  return {
    userTag,
    forRequest(request) {
      let said: 'nothing' | 'user' | 'logout' = 'nothing';
      let id: UserId;
      return {
        user(next) {
          checkUserId(next); // here, so the error points at the call rather than at the response
          said = 'user';
          id = next;
        },
        loggedOut() {
          said = 'logout';
        },
        headers(html) {
          if (said === 'logout') return logout; // any response: a logout usually answers 303
          if (!html) return undefined;
          if (said === 'user') return { tag: userTag(id) };
          return identify ? { tag: userTag(identify(request)) } : undefined;
        },
      };
    },
  };
}
