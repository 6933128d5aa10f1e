import {
  ANONYMOUS, LOGOUT_PATHS, type CacheNameParts, MESSAGE, USER_HEADER, ownerKey, parseUserTags,
  type IdentityConfig, type UserChangedMessage, type UserChangeReason, type WorkerMessage,
} from '@shellac/protocol';
import { cacheable, type Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import { createUserCache, type Owner } from '../caches/user-cache.js';
import { logoutRoute } from './logout-route.js';
import type { Log } from '../core/logger.js';
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

/** What identity remembers and is doing, shared by the switch and the observer below. */
interface Tracker {
  env: IdentityEnv;
  state: Saved;
  /** How many switches happened: a response to a request begun before one changes nothing. */
  generation: number;
  switching: Promise<void>;
  /** Resolves once the remembered tag is loaded and no switch is under way. */
  settled(): Promise<void>;
  save(): Promise<void>;
}

/** Switches to `tag`: drops the previous person's caches and tells open pages (but `except`) to reload. */
function switchTo(t: Tracker, tag: string, reason: UserChangeReason, except: string[]): Promise<void> {
  return (t.switching = t.switching.then(async () => {
    const previous = t.state.tag;
    if (previous === tag) return;
    t.generation++;
    t.state = { tag, key: ownerKey(tag) };
    await t.save();
    const dropped = await t.env.drop(t.state.key);
    t.env.log(() => `user ${tag} (${reason}), dropped ${dropped}`);
    if (previous === undefined) return; // nobody was known: no page shows anyone's data yet
    const message: UserChangedMessage = { type: MESSAGE.userChanged, reason, anonymous: tag === ANONYMOUS };
    await t.env.notify(message, except);
  }));
}

/** Reads a network response's user tags, for a request begun at generation `since`. */
async function observe(t: Tracker, response: Response, since: number, except: string[]): Promise<void> {
  const tags = parseUserTags(response.headers.get(USER_HEADER));
  if (!tags.length) return;
  await t.settled();
  if (since !== t.generation) return; // begun for the previous person: never lets them back in
  const current = t.state.tag;
  if (current !== undefined && tags.includes(current)) {
    // The same person under a rotated secret: keep their caches, remember the new tag.
    if (tags[0] !== current) {
      t.state = { tag: tags[0], key: t.state.key };
      await t.save();
    }
    return;
  }
  await switchTo(t, tags[0]!, 'switch', except); // tags is not empty (checked above)
}

/**
 * The stale-data guard. Per-person caches carry their owner's key in their name, so a person's
 * caches can be dropped whole, and a response stored for one person is never looked up for
 * another. The remembered tag is one small record in the meta store, written only on a switch.
 */
export function startIdentity(options: IdentityEnv & IdentityConfig): Identity {
  const { scope, meta } = options;
  const personal = cacheable({ private: true });
  const t: Tracker = {
    env: options,
    state: { key: UNKNOWN },
    generation: 0,
    switching: Promise.resolve(),
    settled: () => loaded.then(() => t.switching),
    save: () => meta.put(KEY, t.state).catch(() => {}),
  };
  const loaded = meta.get<Saved>(KEY).then((saved) => {
    if (typeof saved?.key === 'string') t.state = saved;
  });
  let known = false;
  void loaded.then(() => (known = true));

  const identity: Identity = {
    get tag() {
      return t.state.tag;
    },
    key: () => t.settled().then(() => t.state.key),
    get current() {
      return known ? t.state.key : undefined;
    },
    owns(response) {
      const tags = parseUserTags(response.headers.get(USER_HEADER));
      return !tags.length || (t.state.tag !== undefined && tags.includes(t.state.tag));
    },
    watch(env) {
      const since = t.generation;
      // The page that asked, and the one a navigation makes: both show the new person already.
      const except = [env.clientId ?? '', env.resultingClientId ?? ''];
      return (response) => observe(t, response, since, except);
    },
    cacheable: (base) => (r) => (r.headers.has(USER_HEADER) ? personal(r) : base(r)),
    cache: (name, open) => createUserCache({ name, owner: identity, open }),
    unit: {
      state: async () => (await t.settled(), { user: t.state.tag }),
      route: logoutRoute({ scope, paths: options.logout ?? LOGOUT_PATHS, logout: (except) => loaded.then(() => switchTo(t, ANONYMOUS, 'logout', except)) }),
    },
  };
  return identity;
}
