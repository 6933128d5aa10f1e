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
   * Stores an item of `who`'s: its new files, then the index naming it. When any write fails
   * (quota), what this call wrote is deleted again and the error is thrown: nothing is left
   * half-stored. Resolves false, storing nothing, when another person's items are loaded by then.
   */
  commit(record: SavedRecord, files: Map<string, Response>, who: string): Promise<boolean>;
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

/**
 * Puts `record` in the items, writes its new files, then the index naming it. On a failure, it
 * deletes the files this call wrote (none of them held before), puts the item back as it was, and
 * throws. Files another item holds are not written again. `items` are one owner's: a change of
 * person meanwhile loads another map, which this never touches.
 */
async function putItem(cache: Cache, record: SavedRecord, files: Map<string, Response>, items: Map<string, SavedRecord>, held: Map<string, number>, writeIndex: () => Promise<void>): Promise<void> {
  const previous = items.get(record.url);
  items.set(record.url, record);
  const written: string[] = [];
  try {
    for (const [url, response] of files) {
      if (held.has(url) && !previous?.files.includes(url)) continue; // another item holds it already
      await cache.put(url, response);
      written.push(url);
    }
    await writeIndex();
  } catch (error) {
    await Promise.all(written.filter((url) => !held.has(url)).map((url) => cache.delete(url)));
    if (previous) items.set(record.url, previous);
    else items.delete(record.url);
    throw error;
  }
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

/** How many items hold each file. */
function holders(items: Map<string, SavedRecord>): Map<string, number> {
  const held = new Map<string, number>();
  for (const item of items.values()) for (const file of item.files) held.set(file, (held.get(file) ?? 0) + 1);
  return held;
}

/** The items an index names, by page URL; none when there is no index (or it cannot be read). */
async function readIndex(index: Promise<Response | undefined>): Promise<Map<string, SavedRecord>> {
  const records = (await index.then((r) => r?.json()).catch(() => undefined)) as SavedRecord[] | undefined; // written by writeIndex
  return new Map((records ?? []).map((r) => [r.url, r]));
}

/** Deletes the entries of `cache` that `keep` does not keep. */
async function sweep(cache: Cache, keep: (url: string) => boolean): Promise<void> {
  const keys = (await cache.keys()).map((r) => r.url).filter((url) => !keep(url));
  await Promise.all(keys.map((url) => cache.delete(url)));
}

/**
 * Stores an item of one owner's (`mine`, `held`: that owner's items and holder counts), then
 * deletes the files of a replaced version and files no index names (a crash before its index).
 * `setHeld` gets the new holder counts before that sweep, for `has()` to answer with them.
 */
async function storeItem(cache: Cache, record: SavedRecord, files: Map<string, Response>, mine: Map<string, SavedRecord>, held: Map<string, number>, indexKey: string, setHeld: (kept: Map<string, number>) => void): Promise<void> {
  await putItem(cache, record, files, mine, held, () => writeIndex(cache, indexKey, mine));
  const kept = holders(mine);
  setHeld(kept);
  await sweep(cache, (url) => url === indexKey || kept.has(url));
}

/** Writes the index of one owner's items as a record of its cache. */
async function writeIndex(cache: Cache, indexKey: string, items: Map<string, SavedRecord>): Promise<void> {
  await cache.put(indexKey, new Response(JSON.stringify([...items.values()])));
}

/**
 * The index is a record inside the saved cache itself, written after the files it names: a cache
 * deleted whole (a change of person) takes its index with it, and a crash between the files and
 * the index leaves only files no index names, which the next commit of that owner sweeps away.
 */
export function createSavedStore(options: SavedStoreOptions): SavedStore {
  const indexKey = `${options.scope.href}${RESERVED_PATH}saved`;
  let owner: string | undefined;
  let items = new Map<string, SavedRecord>();
  let held = new Map<string, number>();
  let loading: Promise<void> | undefined;
  const serial = serialQueue();
  const nameOf = (who = owner ?? '') => cacheName({ ...options.name, ...(who && { owner: who }) });
  const open = (who?: string) => caches.open(nameOf(who));
  const read = (url: string, who?: string) => caches.match(url, { cacheName: nameOf(who), ignoreVary: true }); // never creates an empty cache, as open would
  const count = () => void (held = holders(items));
  const forget = () => void ((items = new Map()), (held = new Map()));

  const store: SavedStore = {
    get owner() {
      return owner;
    },
    load(who) {
      if (owner === who && !loading) return Promise.resolve();
      const loaded = readIndex(read(indexKey, who)).then((index) => void ((items = index), (owner = who), count()));
      return (loading = loaded.finally(() => (loading = undefined)));
    },
    has: (url) => held.has(url),
    match: async (url) => (held.has(url) ? read(url) : undefined),
    list: () => [...items.values()],
    record: (url) => items.get(url),
    commit: (record, files, who) =>
      serial(async () => {
        if (owner === undefined) await store.load(who);
        if (owner !== who) return false;
        // This owner's items and cache, whoever signs in while the files are written.
        const mine = items;
        await storeItem(await open(who), record, files, mine, held, indexKey, (kept) => void (mine === items && (held = kept)));
        return true;
      }),
    remove: (url) =>
      serial(async () => {
        const item = items.get(url);
        if (!item) return false;
        items.delete(url);
        count();
        // The cache and items of the owner now, whoever signs in while they are written.
        const [mine, kept, cache] = [items, held, await open()];
        await writeIndex(cache, indexKey, mine);
        await Promise.all(item.files.filter((file) => !kept.has(file)).map((file) => cache.delete(file)));
        return true;
      }),
    reset: () => void ((owner = undefined), forget()),
    clear: () =>
      serial(async () => {
        const removed = items.size;
        forget();
        await caches.delete(nameOf());
        return removed;
      }),
  };
  return store;
}
