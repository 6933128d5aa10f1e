// Internal: who each response is for. `createShellacServer` builds one identity from its `user`
// option; each view then carries what the app said about its request (`user(id)`, `loggedOut()`),
// and the finishing code (core, node bridge, Fastify hook) asks it for the headers to send.
import { ANONYMOUS, HEADER, type RequestLike } from '@shellac/protocol';
import { ShellacServerError } from './errors.js';
import { checkUserId, createUserTagger, type UserId } from './user-tag.js';

/** The storage types `Clear-Site-Data` defines (W3C Clear Site Data). */
export type ClearSiteDataType = 'cache' | 'cookies' | 'storage' | 'executionContexts' | '*';

const CLEAR_TYPES: ReadonlySet<string> = new Set<ClearSiteDataType>(['cache', 'cookies', 'storage', 'executionContexts', '*']);

/** The `user` option of `createShellacServer`. */
export interface ShellacUserOptions {
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
export interface UserHeaders {
  readonly tag: string;
  readonly clearSiteData?: string;
}

/** Given whether the response is HTML, what it should say about its person (undefined: nothing). */
export type UserResolver = (html: boolean) => UserHeaders | undefined;

/** One request's side: what its view exposes, and what the finishing code asks. */
export interface RequestUser {
  user(id: UserId): void;
  loggedOut(): void;
  resolve: UserResolver;
}

/** A server's identity settings, prepared once. */
export interface UserIdentity {
  userTag(id: UserId): string;
  forRequest(request: RequestLike): RequestUser;
}

function clearSiteDataValue(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return '"cache", "storage"';
  const types = Array.isArray(value) ? (value as unknown[]) : undefined; // checked one by one below
  const wrong = types?.find((type) => typeof type !== 'string' || !CLEAR_TYPES.has(type));
  if (!types || types.length === 0 || wrong !== undefined) {
    throw new ShellacServerError(
      'options',
      `createShellacServer: \`user.clearSiteData\` should be true, or a list of ${[...CLEAR_TYPES].map((t) => `"${t}"`).join(', ')}${wrong === undefined ? '' : `, not ${JSON.stringify(wrong)}`}.`,
      { option: 'user.clearSiteData', value: wrong ?? value },
    );
  }
  return types.map((type) => `"${String(type)}"`).join(', ');
}

/** Checks the `user` option and prepares the tagger and the logout headers once. */
export function userIdentity(options: ShellacUserOptions): UserIdentity {
  if (typeof options !== 'object' || options === null) {
    throw new ShellacServerError('options', 'createShellacServer: `user` should be an object: `{ secret, identify?, clearSiteData? }`.', { option: 'user' });
  }
  const { identify } = options;
  if (identify !== undefined && typeof identify !== 'function') {
    throw new ShellacServerError('options', 'createShellacServer: `user.identify` should be a function (request) => the user id, or null for nobody signed in.', { option: 'user.identify' });
  }
  const userTag = createUserTagger({ secret: options.secret });
  const clearSiteData = clearSiteDataValue(options.clearSiteData);
  const logout: UserHeaders = clearSiteData ? { tag: ANONYMOUS, clearSiteData } : { tag: ANONYMOUS };
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
        resolve(html) {
          if (said === 'logout') return logout; // any response: a logout usually answers 303
          if (!html) return undefined;
          if (said === 'user') return { tag: userTag(id) };
          return identify ? { tag: userTag(identify(request)) } : undefined;
        },
      };
    },
  };
}

// The resolver of each view, for the finishing code that is handed only the view.
const resolvers = new WeakMap<object, UserResolver>();

/** Ties a view to its request's resolver. */
export function trackUser(view: object, resolve: UserResolver): void {
  resolvers.set(view, resolve);
}

/** The resolver of `view`: undefined when the server has no `user` option (nothing to do). */
export function userResolver(view: object | undefined): UserResolver | undefined {
  return view ? resolvers.get(view) : undefined;
}

/** The two header operations every response type this package finishes has, under some name. */
export interface HeaderAccess {
  get(name: string): unknown;
  set(name: string, value: string): void;
}

/**
 * Puts the person on a response. A value the app set itself wins (it knows better), and so does
 * its own Cache-Control; without one, a tagged page is `private`, as no shared cache or CDN may
 * hand one person's page to another.
 */
export function applyUserHeaders(headers: HeaderAccess, user: UserHeaders): void {
  let tag = headers.get(HEADER.user);
  if (tag == null) headers.set(HEADER.user, (tag = user.tag));
  if (user.clearSiteData && headers.get('clear-site-data') == null) headers.set('Clear-Site-Data', user.clearSiteData);
  if (String(tag).trim() !== ANONYMOUS && headers.get('cache-control') == null) headers.set('Cache-Control', 'private');
}
