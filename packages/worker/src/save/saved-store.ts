import { cacheName, RESERVED_PATH, type CacheNameParts, type SavedItem } from '@shellac/protocol';

/** One saved item as stored: its page, under which key the page is kept, and every file it holds. */
export interface SavedRecord extends Omit<SavedItem, 'files'> {
  /** Where the page is kept: its URL, or its content URL under the app shell. */
  key: string;
  /** Every file of the item, the page's key first. */
  files: string[];
}

/** One person's saved items: what is held, and changes that happen whole or not at all. */
export interface SavedStore {
  /** The owner whose items are loaded, or undefined before the first load. */
  readonly owner: string | undefined;
  /** Loads `owner`'s items (once per owner). */
  load(owner: string): Promise<void>;
  /** True when a saved item holds this URL (synchronous: for the loaded owner). */
  has(url: string): boolean;
  match(url: string): Promise<Response | undefined>;
  list(): SavedRecord[];
  record(url: string): SavedRecord | undefined;
  /**
   * Stores an item: its new files, then the index naming it. When any write fails (quota), what
   * this call wrote is deleted again and the error is thrown: nothing is left half-stored.
   */
  commit(record: SavedRecord, files: Map<string, Response>): Promise<void>;
  /** Removes an item, and the files no other item holds. */
  remove(url: string): Promise<boolean>;
  /** Removes every item of the loaded owner. */
  clear(): Promise<number>;
  /** Forgets what it loaded, after its caches were deleted from outside (a clear of the scope). */
  reset(): void;
}

export interface SavedStoreOptions {
  scope: URL;
  /** The cache's name without owner (`{ scope, kind: 'saved' }`); owners other than '' are added. */
  name: CacheNameParts;
}

/** What a store holds in memory: the loaded owner, its items by page URL, how many items hold each file. */
interface Loaded {
  owner: string | undefined;
  items: Map<string, SavedRecord>;
  held: Map<string, number>;
}

/** Where an owner's items are kept: the cache (opened for the loaded owner) and the index's key in it. */
interface Kept {
  indexKey: string;
  open(): Promise<Cache>;
}

/** One change at a time: two saves sharing a file must not race on it. Returns the function that queues a change. */
function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
}

/** Counts again how many items hold each file. */
function count(state: Loaded): void {
  state.held = new Map();
  for (const item of state.items.values()) for (const file of item.files) state.held.set(file, (state.held.get(file) ?? 0) + 1);
}

const writeIndex = async (state: Loaded, cache: Cache, indexKey: string) => cache.put(indexKey, new Response(JSON.stringify([...state.items.values()])));

/**
 * Writes an item's new files, then the index naming it; on a failure, deletes the files this
 * call wrote (none of them held before) and throws. Files another item holds are not written again.
 */
async function writeAll(cache: Cache, files: Map<string, Response>, was: { held: Map<string, number>; previous: SavedRecord | undefined; writeIndex(): Promise<void> }): Promise<void> {
  const written: string[] = [];
  try {
    for (const [url, response] of files) {
      if (was.held.has(url) && !was.previous?.files.includes(url)) continue; // another item holds it already
      await cache.put(url, response);
      written.push(url);
    }
    await was.writeIndex();
  } catch (error) {
    await Promise.all(written.filter((url) => !was.held.has(url)).map((url) => cache.delete(url)));
    throw error;
  }
}

/** `SavedStore.commit`, inside the queue. */
async function commitItem(state: Loaded, kept: Kept, record: SavedRecord, files: Map<string, Response>): Promise<void> {
  const cache = await kept.open();
  const previous = state.items.get(record.url);
  state.items.set(record.url, record);
  await writeAll(cache, files, { held: state.held, previous, writeIndex: () => writeIndex(state, cache, kept.indexKey) }).catch((error: unknown) => {
    if (previous) state.items.set(record.url, previous);
    else state.items.delete(record.url);
    throw error;
  });
  count(state);
  // Files of a replaced version, and files no index names (a crash before its index), go.
  const keys = (await cache.keys()).map((r) => r.url).filter((url) => url !== kept.indexKey && !state.held.has(url));
  await Promise.all(keys.map((url) => cache.delete(url)));
}

/** `SavedStore.remove`, inside the queue. */
async function removeItem(state: Loaded, kept: Kept, url: string): Promise<boolean> {
  const item = state.items.get(url);
  if (!item) return false;
  state.items.delete(url);
  count(state);
  const cache = await kept.open();
  await writeIndex(state, cache, kept.indexKey);
  await Promise.all(item.files.filter((file) => !state.held.has(file)).map((file) => cache.delete(file)));
  return true;
}

/**
 * The index is a record inside the saved cache itself, written after the files it names: a cache
 * deleted whole (a change of person) takes its index with it, and a crash between the files and
 * the index leaves only files no index names, which the next commit of that owner sweeps away.
 */
export function createSavedStore(options: SavedStoreOptions): SavedStore {
  const indexKey = `${options.scope.href}${RESERVED_PATH}saved`;
  const state: Loaded = { owner: undefined, items: new Map(), held: new Map() };
  let loading: Promise<void> | undefined;
  const serial = serialQueue();
  const nameOf = (who = state.owner ?? '') => cacheName({ ...options.name, ...(who && { owner: who }) });
  const kept: Kept = { indexKey, open: () => caches.open(nameOf()) };
  // Reads go through `caches.match` with the cache's name: reading never creates an empty cache.
  const read = (url: string, who?: string) => caches.match(url, { cacheName: nameOf(who), ignoreVary: true });

  return {
    get owner() {
      return state.owner;
    },
    load(who) {
      if (state.owner === who && !loading) return Promise.resolve();
      return (loading = (async () => {
        const records = (await read(indexKey, who).then((r) => r?.json()).catch(() => undefined)) as SavedRecord[] | undefined; // written by writeIndex
        state.items = new Map((records ?? []).map((r) => [r.url, r]));
        state.owner = who;
        count(state);
      })().finally(() => (loading = undefined)));
    },
    has: (url) => state.held.has(url),
    match: async (url) => (state.held.has(url) ? read(url) : undefined),
    list: () => [...state.items.values()],
    record: (url) => state.items.get(url),
    commit: (record, files) => serial(() => commitItem(state, kept, record, files)),
    remove: (url) => serial(() => removeItem(state, kept, url)),
    reset() {
      state.owner = undefined;
      state.items = new Map();
      state.held = new Map();
    },
    clear: () =>
      serial(async () => {
        const removed = state.items.size;
        state.items = new Map();
        state.held = new Map();
        await caches.delete(nameOf());
        return removed;
      }),
  };
}
