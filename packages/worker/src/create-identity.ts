import {
  ANONYMOUS, cacheName, LOGOUT_PATHS, MESSAGE, RESERVED_PATH, USER_HEADER, ownerKey, parseCacheName, parseUserTags,
  type IdentityConfig, type UserChangedMessage, type UserChangeReason,
} from '@shellac/protocol';
import { cacheable, type Cacheable } from './cacheable.js';
import { createUserCache } from './create-user-cache.js';
import type { RuntimeCache } from './runtime-cache.js';
import type { CacheLimits } from './select-evictions.js';

/** What the runtime lends identity. Kept small: a worker without identity pays for none of it. */
export interface IdentityEnv {
  /** The registration scope. */
  scope: URL;
  /** The scope's meta cache, where the current tag is remembered across worker restarts. */
  meta: () => Promise<Cache>;
  /** The runtime caches by name: dropped ones are forgotten here too. */
  caches: Map<string, RuntimeCache>;
  /** Opens (once) a runtime cache of this scope by full name. */
  open: (name: string, limits?: CacheLimits) => RuntimeCache;
  /** A per-user shell's cache, dropped on every switch. */
  shellCache?: string;
  log: (message: string) => void;
}

export interface IdentityOptions extends IdentityEnv, IdentityConfig {}

/** Who the per-user caches belong to, and the switch from one person to the next. */
export interface Identity {
  /** Resolves once the remembered person is loaded. */
  ready(): Promise<void>;
  /** The current person's tag, or undefined before any response named one. */
  readonly tag: string | undefined;
  /** The suffix of the current person's caches (`~<key>`). */
  readonly key: string;
  /** Goes up with every switch: work started under an older generation belongs to someone else. */
  readonly generation: number;
  /**
   * Reads the user tag of a network response. When it names someone else, and the request began
   * under generation `since`, the previous person's caches are deleted and open pages (but
   * `except` ones) are told to reload before this resolves. Stale responses (begun before a
   * switch) change nothing.
   */
  observe(response: Response, since: number, except?: string[]): Promise<void>;
  /** The `seen` hook of one fetch event: observes with the event's generation, sparing its own pages. */
  seen(event: FetchEvent): (response: Response) => Promise<void>;
  /** Switches to `anonymous` at once (a logout request went through). */
  logout(except?: string[]): Promise<void>;
  /** True when a cached response may be shown to the current person. */
  owns(response: Response): boolean;
  /**
   * Answers a sign-out request (a non-GET request to one of the `logout` paths): the network,
   * then the switch to `anonymous` before the response goes on. False for any other request.
   */
  intercept(event: FetchEvent, url: URL): boolean;
  /** A cache named `<name>~<key>` for whoever is current (see `createUserCache`). */
  cache(name: string, limits?: CacheLimits): RuntimeCache;
  /** True for a cache this identity manages (a per-user cache of a kind still in use). */
  manages(name: string): boolean;
  /** `base`, plus `Cache-Control: private` responses when they name their person (they go to that person's cache). */
  cacheable(base: Cacheable): Cacheable;
}

type Saved = { tag?: string; key: string };

/** Before any response named a person: caches stored then could be anyone's. */
const UNKNOWN = '_';

/**
 * The stale-data guard. Per-user caches carry their owner's key in their name, so a person's
 * caches can be dropped whole, and a response stored for one person is never looked up for
 * another. The remembered tag is one small record in the meta cache, written only on a switch.
 */
export function startIdentity(options: IdentityOptions): Identity {
  const { scope, meta, log } = options;
  const metaKey = `${scope.href}${RESERVED_PATH}user`;
  const logoutPaths = new Set((options.logout ?? LOGOUT_PATHS).map((p) => new URL(p, scope).pathname));
  const personal = cacheable({ private: true });
  const userCaches = new Map<string, RuntimeCache>();
  let state: Saved = { key: UNKNOWN };
  let generation = 0;
  let switching: Promise<void> = Promise.resolve();
  const loaded = meta()
    .then((c) => c.match(metaKey))
    .then((r) => r?.json() as Promise<Saved> | undefined) // written by save() below
    .then((saved) => {
      if (saved && typeof saved.key === 'string') state = saved;
    })
    .catch(() => {});

  const save = () => meta().then((c) => c.put(metaKey, new Response(JSON.stringify(state)))).catch(() => {});

  const switchTo = (tag: string, reason: UserChangeReason, except: string[] = []) =>
    (switching = switching.then(async () => {
      const previous = state.tag;
      if (previous === tag) return;
      generation++;
      state = { tag, key: ownerKey(tag) };
      await save();
      // Parsed, never matched by substring: a scope may hold `~` itself (`/~alice/docs/`).
      const names = (await caches.keys()).filter((n) => {
        const parts = parseCacheName(n);
        return parts?.scope === scope.pathname && ((parts.owner !== undefined && parts.owner !== state.key) || n === options.shellCache);
      });
      for (const n of names) {
        options.caches.get(n)?.reset();
        options.caches.delete(n);
      }
      await Promise.all(names.map((n) => caches.delete(n)));
      log(`user ${tag} (${reason}), dropped ${names}`);
      if (previous === undefined) return; // nobody was known: no page shows anyone's data yet
      const message: UserChangedMessage = { type: MESSAGE.userChanged, reason, anonymous: tag === ANONYMOUS };
      for (const client of await (self as unknown as ServiceWorkerGlobalScope).clients.matchAll({ type: 'window' })) { // self is the worker's global scope
        if (!except.includes(client.id)) client.postMessage(message);
      }
    }));

  const identity: Identity = {
    ready: () => loaded.then(() => switching),
    get tag() {
      return state.tag;
    },
    get key() {
      return state.key;
    },
    get generation() {
      return generation;
    },
    async observe(response, since, except) {
      const tags = parseUserTags(response.headers.get(USER_HEADER));
      if (!tags.length) return;
      await loaded;
      await switching;
      if (since !== generation) return; // begun for the previous person: never lets them back in
      const current = state.tag;
      if (current !== undefined && tags.includes(current)) {
        // The same person under a rotated secret: keep their caches, remember the new tag.
        if (tags[0] !== current) {
          state = { tag: tags[0], key: state.key };
          await save();
        }
        return;
      }
      await switchTo(tags[0]!, 'switch', except); // tags is not empty (checked above)
    },
    seen(event) {
      const since = generation;
      // The page that asked, and the one a navigation makes: both show the new person already.
      const except = [event.clientId, event.resultingClientId];
      return (response) => identity.observe(response, since, except);
    },
    async logout(except) {
      await loaded;
      await switchTo(ANONYMOUS, 'logout', except);
    },
    owns(response) {
      const tags = parseUserTags(response.headers.get(USER_HEADER));
      return !tags.length || (state.tag !== undefined && tags.includes(state.tag));
    },
    intercept(event, url) {
      const { request } = event;
      if (request.method === 'GET' || url.origin !== scope.origin || !logoutPaths.has(url.pathname)) return false;
      // A logout usually answers with a redirect, whose headers a worker cannot read: the request
      // itself says it. The switch is done before the response goes on, so the page the
      // redirect leads to already finds the previous person's caches gone.
      const except = [event.clientId, event.resultingClientId];
      event.respondWith(
        fetch(request).then(async (response) => {
          if (response.type === 'opaqueredirect' || response.status < 400) await identity.logout(except);
          return response;
        }),
      );
      return true;
    },
    cache(name, limits) {
      let cache = userCaches.get(name);
      if (!cache) userCaches.set(name, (cache = createUserCache({ name, identity, open: (n) => options.open(n, limits) })));
      return cache;
    },
    manages(name) {
      const parts = parseCacheName(name);
      return !!parts?.owner && userCaches.has(cacheName({ ...parts, owner: undefined }));
    },
    cacheable: (base) => (r) => (r.headers.has(USER_HEADER) ? personal(r) : base(r)),
  };
  return identity;
}
