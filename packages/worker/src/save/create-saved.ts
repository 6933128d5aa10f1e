import { SAVE_MESSAGE, type SavedItem, type SaveFailure, type SaveProgressMessage, type SaveReply } from '@shellac/protocol';
import { answerRange } from '../caches/answer-range.js';
import { layeredCache } from '../caches/layered-cache.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { Owner } from '../caches/user-cache.js';
import type { Log } from '../core/log.js';
import type { MetaStore } from '../core/meta-store.js';
import type { Route, Unit } from '../core/unit.js';
import type { AppShell } from '../app-shell/create-app-shell.js';
import type { WorkerServices } from '../core/worker-services.js';
import { ShellacWorkerError } from '../errors.js';
import type { Precache } from '../precache/precache.js';
import { backgroundSaves } from './background-save.js';
import { cancelledSave, saveFailure } from './save-error.js';
import { saveItem, type SaveItemEnv } from './save-item.js';
import { createSavedStore, type SavedRecord, type SavedStore } from './saved-store.js';

/** Options of {@link createSaved}. */
export interface SavedOptions {
  /** Files fetched at once for one save. Default 4. */
  concurrency?: number;
  /** URLs kept with every saved page, relative to the scope (the app's own "on this device" page, say). */
  also?: string[];
}

/** What the runtime lends the saved unit. */
export interface SavedEnv extends Omit<SaveItemEnv, 'store' | 'concurrency' | 'also' | 'progress' | 'owner'> {
  /** Whose items are current (identity); without it, one partition for everyone. */
  owner?: Owner | undefined;
  meta: MetaStore;
  log: Log;
  /** Posts a message to every open page. */
  broadcast(message: unknown): Promise<void>;
}

/** The saved unit: it answers saved files, and the runtime reads saved pages through `match`. */
export interface Saved extends Unit {
  /** The saved copy of a page or file of the current person. */
  match(url: string): Promise<Response | undefined>;
  /** `cache` read through to saved pages: the pages cache, then saved ones. */
  layer(cache: RuntimeCache | undefined): RuntimeCache;
}

/** "Save for offline" for `createShellac({ saved })`: started by the runtime with what it lends. */
export interface SavedFeature {
  start(env: SavedEnv): Saved;
  /** Starts it from the runtime's services and the units it reads (here, so a runtime without saving carries none of this). */
  from(services: WorkerServices, siblings: { precache: Precache; shell?: AppShell | undefined }): Saved;
}

const EVERYONE: Owner = { key: async () => '', current: '', owns: () => true };

const toItem = (r: SavedRecord): SavedItem => ({ url: r.url, title: r.title, savedAt: r.savedAt, bytes: r.bytes, files: r.files.length });
const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** What the runtime's services and units lend the saved unit. */
function savedEnvOf(services: WorkerServices, { precache, shell }: { precache: Precache; shell?: AppShell | undefined }): SavedEnv {
  const { identity, log } = services;
  return {
    scope: services.scope,
    log,
    meta: services.meta,
    owner: identity,
    precached: (url) => precache.has(url),
    contentKey: shell && ((url) => shell.contentKey(url)),
    ensureShell: shell && (() => shell.ensure(log)),
    observe: identity && (() => identity.watch({})),
    evict: services.registry.forget,
    broadcast: services.broadcast,
  };
}

/** What answering a save message needs. */
interface SaveMessageDeps {
  item: SaveItemEnv;
  background: ReturnType<typeof backgroundSaves>;
  loaded(): Promise<void>;
  running: Map<string, AbortController>;
  ended(id: string, url: string, result: SavedRecord | SaveFailure): Promise<void>;
}

/** The `shellac:save` handler: each URL planned (Background Fetch) or saved in turn, each whole or not at all. */
function saveMessage(deps: SaveMessageDeps): (message: Record<string, unknown>) => Promise<SaveReply> {
  const { item, background, running, ended } = deps;
  return async (message) => {
    const { id, urls, also = [] } = message;
    if (typeof id !== 'string' || !strings(urls) || !strings(also)) throw new ShellacWorkerError('bad-message', { type: SAVE_MESSAGE.save, fields: 'id, urls, also' });
    const control = new AbortController();
    running.set(id, control);
    const reply: SaveReply = { ok: true, items: [], errors: [], ...(message.background ? { background: [] } : {}) };
    await deps.loaded();
    for (const [i, url] of urls.entries()) {
      try {
        if (reply.background) reply.background.push(await background.plan(`${id}:${i}`, url, also, control.signal));
        else {
          const record = await saveItem(item, id, url, also, control.signal);
          reply.items.push(toItem(record));
          await ended(id, record.url, record);
        }
      } catch (error) {
        const why = control.signal.aborted ? cancelledSave(url) : saveFailure(url, error);
        reply.ok = false;
        reply.errors.push(why);
        await ended(id, url, why);
      }
    }
    running.delete(id);
    return reply;
  };
}

/**
 * The end of one item's save, told to every page (and, once saved, the list changed); awaited:
 * the message (or Background Fetch) event lasts until every page was told.
 */
function endedWith(tell: (message: Omit<SaveProgressMessage, 'type'>) => Promise<void>, changed: () => void): SaveMessageDeps['ended'] {
  return async (id, url, result) => {
    const files = { done: 0, total: 0 };
    if ('code' in result) return tell({ id, url, state: result.code === 'cancelled' ? 'cancelled' : 'failed', files, bytes: files, error: result });
    await tell({ id, url, state: 'saved', files: { done: result.files.length, total: result.files.length }, bytes: { done: result.bytes, total: result.bytes }, item: toItem(result) });
    changed();
  };
}

/**
 * The route of a file a saved item holds, answered at once (media seeking included). Pages go
 * network-first: the pages route reads saved pages through `match`.
 */
function savedRoute(store: SavedStore, request: Request, url: URL): Route | undefined {
  if (request.method !== 'GET' || request.mode === 'navigate' || !store.has(url.href)) return undefined;
  return { name: 'saved', handler: async (ctx) => answerRange(ctx.request, (await store.match(ctx.url.href)) ?? (await fetch(ctx.request))) };
}

/** `SavedFeature.start`: the saved unit over what the runtime lends. */
function startSaved(options: SavedOptions, env: SavedEnv): Saved {
  const owner = env.owner ?? EVERYONE;
  const store = createSavedStore({ scope: env.scope, name: { scope: env.scope.pathname, kind: 'saved' } });
  const running = new Map<string, AbortController>();
  const changed = () => void env.broadcast({ type: SAVE_MESSAGE.changed });
  const tell = (message: Omit<SaveProgressMessage, 'type'>) => env.broadcast({ type: SAVE_MESSAGE.progress, ...message });
  const item: SaveItemEnv = { ...env, owner, store, concurrency: options.concurrency ?? 4, also: options.also ?? [], progress: (m) => void tell(m) };
  const ended = endedWith(tell, changed);
  const background = backgroundSaves({ item, meta: env.meta, done: ended });
  const loaded = async () => store.load(await owner.key());

  const save = saveMessage({ item, background, loaded, running, ended });

  const match = async (url: string) => (await loaded(), store.match(url));
  return {
    match,
    layer: (cache) => layeredCache(cache, (request) => match(typeof request === 'string' ? request : request.url)),
    ready: () => (owner.current !== undefined && store.owner === owner.current ? undefined : loaded()),
    route: (request, url) => savedRoute(store, request, url),
    keeps: (cache) => cache.kind === 'saved',
    // Every cache of the scope was deleted (clearOfflineData): nothing is saved any more.
    reset() {
      store.reset();
      changed();
    },
    state: async () => (await loaded(), { saved: store.list().length }),
    events: background.events,
    messages: {
      [SAVE_MESSAGE.save]: save,
      [SAVE_MESSAGE.cancel]: async (m) => {
        running.get(String(m.id))?.abort();
        // A planned Background Fetch the page did not start would otherwise be kept for ever.
        await background.forget(String(m.id));
        return { ok: true };
      },
      [SAVE_MESSAGE.list]: async () => (await loaded(), { ok: true, items: store.list().map(toItem) }),
      [SAVE_MESSAGE.remove]: async (m) => {
        await loaded();
        const removed = await store.remove(new URL(String(m.url), env.scope).href);
        if (removed) changed();
        return { ok: true, removed };
      },
      [SAVE_MESSAGE.clear]: async () => {
        await loaded();
        const removed = await store.clear();
        changed();
        return { ok: true, removed };
      },
      // Background Fetch progress reaches only the page that started it: passed on to all.
      [SAVE_MESSAGE.progress]: (m) => void env.broadcast(m),
    },
  };
}

/**
 * Save for offline: people choose pages to keep, with everything they need (files, media), in
 * their own partition (`shellac:<scope>:saved~<person>`), which eviction and quota handling never
 * touch. Each item is stored whole or not at all. Saved pages answer when the network fails;
 * saved files answer at once, media seeking included.
 */
export function createSaved(options: SavedOptions = {}): SavedFeature {
  const feature: SavedFeature = {
    from: (services, siblings) => feature.start(savedEnvOf(services, siblings)),
    start: (env) => startSaved(options, env),
  };
  return feature;
}
