import {
  ANONYMOUS, LOGOUT_PATHS, type CacheNameParts, MESSAGE, USER_HEADER, ownerKey, parseUserTags,
  type IdentityConfig, type UserChangedMessage, type UserChangeReason, type WorkerMessage,
} from '@shellac/protocol';
import { cacheable, type Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import { createUserCache, type Owner } from '../caches/user-cache.js';
import { logoutRoute } from './logout-route.js';
import type { Log } from '../core/log.js';
import type { MetaStore } from '../core/meta-store.js';
import type { FetchEnv, Observe, Unit } from '../core/unit.js';

/** What the runtime lends identity: one way only, identity never reaches into the runtime. */
export interface IdentityEnv {
  /** The registration scope. */
  scope: URL;
  /** Where the current tag is remembered across worker restarts. */
  meta: MetaStore;
  log: Log;
  /** Deletes every per-person cache that is not `owner`'s (and a per-user shell); resolves with their names. */
  drop(owner: string): Promise<string[]>;
  /** Posts a message to every open page but `except` ones. */
  notify(message: WorkerMessage, except: string[]): Promise<void>;
}

/** Who the per-person caches belong to, and the switch from one person to the next. */
export interface Identity extends Owner {
  /** The current person's tag, or undefined before any response named one. */
  readonly tag: string | undefined;
  /**
   * The observer of one request's network responses. It reads their user tag; when that names
   * someone else, it drops the previous person's caches and tells open pages (but the request's
   * own) to reload, before the response is used. A response to a request begun before a switch
   * changes nothing: the previous person never gets back in.
   */
  watch(env: Pick<FetchEnv, 'clientId' | 'resultingClientId'>): Observe;
  /** `base`, plus `Cache-Control: private` responses when they name their person (they go to that person's cache). */
  cacheable(base: Cacheable): Cacheable;
  /** A cache of `name` for whoever is current (`<name>~<key>`), each opened through `open`. */
  cache(name: CacheNameParts, open: (full: string) => RuntimeCache): RuntimeCache;
  /** Answers sign-out requests (a non-GET request to a `logout` path): the switch to `anonymous` before the response goes on. */
  readonly unit: Unit;
}

type Saved = { tag?: string; key: string };

/** Before any response named a person: caches stored then could be anyone's. */
const UNKNOWN = '_';
const KEY = 'user';

/** True when a response names nobody, or names `tag` among its tags. */
function namesNobodyOr(response: Response, tag: string | undefined): boolean {
  const tags = parseUserTags(response.headers.get(USER_HEADER));
  return !tags.length || (tag !== undefined && tags.includes(tag));
}

/**
 * The rest of a switch to `tag`, once remembered with its `key`: drops every other person's
 * caches, and tells open pages (but `except`) to reload, unless nobody was known before.
 */
async function dropAndTell(env: IdentityEnv, key: string, tag: string, reason: UserChangeReason, previous: string | undefined, except: string[]): Promise<void> {
  const dropped = await env.drop(key);
  env.log(() => `user ${tag} (${reason}), dropped ${dropped}`);
  if (previous === undefined) return; // nobody was known: no page shows anyone's data yet
  const message: UserChangedMessage = { type: MESSAGE.userChanged, reason, anonymous: tag === ANONYMOUS };
  await env.notify(message, except);
}

/**
 * The stale-data guard. Per-person caches carry their owner's key in their name, so a person's
 * caches can be dropped whole, and a response stored for one person is never looked up for
 * another. The remembered tag is one small record in the meta store, written only on a switch.
 */
export function startIdentity(options: IdentityEnv & IdentityConfig): Identity {
  const { scope, meta } = options;
  const personal = cacheable({ private: true });
  let state: Saved = { key: UNKNOWN };
  let generation = 0;
  let switching: Promise<void> = Promise.resolve();
  const loaded = meta.get<Saved>(KEY).then((saved) => void (typeof saved?.key === 'string' && (state = saved)));
  let known = false;
  void loaded.then(() => (known = true));
  const settled = () => loaded.then(() => switching);
  const save = () => meta.put(KEY, state).catch(() => {});

  const switchTo = (tag: string, reason: UserChangeReason, except: string[]) =>
    (switching = switching.then(async () => {
      const previous = state.tag;
      if (previous === tag) return;
      generation++;
      state = { tag, key: ownerKey(tag) };
      await save();
      await dropAndTell(options, state.key, tag, reason, previous, except);
    }));

  const observe = async (response: Response, since: number, except: string[]) => {
    const tags = parseUserTags(response.headers.get(USER_HEADER));
    if (!tags.length) return;
    await settled();
    if (since !== generation) return; // begun for the previous person: never lets them back in
    const current = state.tag;
    // The same person, maybe under a rotated secret: keep their caches, remember the new tag.
    if (current !== undefined && tags.includes(current)) {
      if (tags[0] !== current) (state = { tag: tags[0], key: state.key }), await save();
      return;
    }
    await switchTo(tags[0]!, 'switch', except); // tags is not empty (checked above)
  };

  const identity: Identity = {
    get tag() {
      return state.tag;
    },
    key: () => settled().then(() => state.key),
    get current() {
      return known ? state.key : undefined;
    },
    owns: (response) => namesNobodyOr(response, state.tag),
    // The page that asked, and the one a navigation makes, show the new person already: not told.
    watch(env) {
      const since = generation;
      const except = [env.clientId ?? '', env.resultingClientId ?? ''];
      return (response) => observe(response, since, except);
    },
    cacheable: (base) => (r) => (r.headers.has(USER_HEADER) ? personal(r) : base(r)),
    cache: (name, open) => createUserCache({ name, owner: identity, open }),
    unit: {
      state: async () => (await settled(), { user: state.tag }),
      route: logoutRoute({ scope, paths: options.logout ?? LOGOUT_PATHS, logout: (except) => loaded.then(() => switchTo(ANONYMOUS, 'logout', except)) }),
    },
  };
  return identity;
}
