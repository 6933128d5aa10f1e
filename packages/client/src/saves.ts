import { SAVE_MESSAGE, type SavedItem, type SavedListReply, type SaveProgressMessage } from '@shellac/protocol';
import { workerLine } from './ask-worker.js';
import { createEmitter } from './emitter.js';
import type { ShellacClient } from './register.js';
import { runSave, type SaveHandle, type SaveOptions } from './run-save.js';

/** What `Saves` listeners receive. */
export interface SavesEvents {
  /** How a save is going, from any tab: the same messages reach every open page. */
  progress: SaveProgressMessage;
  /** The saved list changed (an item saved, removed, cleared, or dropped with its person), in any tab. */
  changed: Record<string, never>;
}

/** How much this site stores, as the browser estimates it. */
export interface StorageInfo {
  /** Bytes used by this origin (all its storage, not only saved items). */
  usage: number;
  /** Bytes it may use. */
  quota: number;
  /** True when the browser keeps this site's data under storage pressure. */
  persisted: boolean;
}

/** Save for offline, page side: save pages with everything they need, list and remove them. */
export interface Saves {
  /** False where the browser has no service workers: then every request rejects with `no-worker`. */
  readonly supported: boolean;
  /**
   * Saves pages (relative to this page, or absolute) with their files and media. The first
   * save of the page also asks the browser to keep the site's data (`navigator.storage.persist()`).
   */
  save(urls: string | string[], options?: SaveOptions): SaveHandle;
  /** The current person's saved items. */
  saved(): Promise<SavedItem[]>;
  /** Removes a saved item; resolves with false when it was not saved. */
  unsave(url: string): Promise<boolean>;
  /** Removes every saved item of the current person; resolves with how many there were. */
  clearSaved(): Promise<number>;
  storage(): Promise<StorageInfo>;
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof SavesEvents>(type: K, listener: (event: SavesEvents[K]) => void): () => void;
}

/** An absolute URL without its fragment, as the worker keys saved items. */
const absolute = (url: string) => {
  const parsed = new URL(url, document.baseURI);
  parsed.hash = '';
  return parsed.href;
};

/**
 * Save for offline on the page side, talking to the worker `client` registered (which must run
 * `createSaved()`). Create one per page: it listens to the worker's broadcasts for its lifetime.
 */
export function createSaves(client: ShellacClient): Saves {
  const line = workerLine(client);
  const events = createEmitter<SavesEvents>();
  // Background Fetch progress is relayed by the page that started it, so a relayed "saving" may
  // arrive after the worker told the end: an ended save never goes back to saving.
  const ended = new Set<string>();
  navigator.serviceWorker?.addEventListener('message', (event) => {
    const data = event.data as SaveProgressMessage | { type?: unknown } | undefined; // any message may arrive; checked by type
    if (data?.type === SAVE_MESSAGE.changed) events.emit('changed', {});
    if (data?.type !== SAVE_MESSAGE.progress) return;
    const progress = data as SaveProgressMessage; // its type says so
    // One save of several pages gives its id to each: an item is the id with its URL.
    const item = `${progress.id} ${progress.url}`;
    if (progress.state !== 'saving') ended.add(item);
    else if (ended.has(item)) return;
    events.emit('progress', progress);
  });
  let persistAsked = false;

  return {
    supported: client.supported,
    save(urls, options = {}) {
      if (!persistAsked && navigator.storage?.persist) {
        persistAsked = true;
        // Asked while the click that saves is still the user's gesture (Firefox may ask them).
        void navigator.storage.persist().catch(() => false);
      }
      return runSave({ client, line, progress: events }, [urls].flat().map(absolute), { ...options, also: options.also?.map(absolute) });
    },
    saved: async () => (await line.ask<SavedListReply>({ type: SAVE_MESSAGE.list })).items,
    unsave: async (url) => (await line.ask<{ removed: boolean }>({ type: SAVE_MESSAGE.remove, url: absolute(url) })).removed,
    clearSaved: async () => (await line.ask<{ removed: number }>({ type: SAVE_MESSAGE.clear })).removed,
    async storage() {
      const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
      return { usage, quota, persisted: (await navigator.storage?.persisted?.()) ?? false };
    },
    on: events.on,
  };
}
