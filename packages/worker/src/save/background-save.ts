import type { BackgroundSave, SaveFailure } from '@shellac/protocol';
import type { MetaStore } from '../core/meta-store.js';
import { storedCopy } from './fetch-files.js';
import { commitItem, planItem, type SaveItemEnv, type SavePlan } from './save-item.js';
import { cancelledSave, SaveError, saveFailure } from './save-error.js';
import type { SavedRecord } from './saved-store.js';

/** What a Background Fetch event gives (typed here: TypeScript's lib has no Background Fetch yet). */
interface BackgroundFetchEventLike extends ExtendableEvent {
  registration: {
    id: string;
    failureReason: string;
    matchAll(): Promise<{ request: Request; responseReady: Promise<Response> }[]>;
  };
  updateUI?(options: { title: string }): Promise<void>;
}

type Pending = Pick<SavePlan, 'record' | 'owner'>;

export interface BackgroundSaves {
  /** Plans an item and remembers it under `id` until its fetch ends. */
  plan(id: string, url: string, also: string[], signal: AbortSignal): Promise<BackgroundSave>;
  /** Forgets a plan whose fetch the page did not start (the browser refused it, or the page chose the worker's own fetches). */
  forget(id: string): Promise<void>;
  /** The worker's Background Fetch listeners. */
  readonly events: Record<string, (event: ExtendableEvent) => void>;
}

export interface BackgroundSavesOptions {
  item: SaveItemEnv;
  meta: MetaStore;
  /** Reports the end of an item: stored, or why not (awaited: the event lasts until every page was told). */
  done(id: string, url: string, result: SavedRecord | SaveFailure): Promise<void>;
}

const key = (id: string) => `saving/${id}`;

/**
 * The Background Fetch path of "save for offline": the browser downloads an item's files even
 * after every tab closed, and wakes the worker when they are all there. The plan is kept in the
 * meta store meanwhile, so a worker restarted in between still knows whose item it is.
 */
export function backgroundSaves(options: BackgroundSavesOptions): BackgroundSaves {
  const { item, meta, done } = options;
  const settle = (event: ExtendableEvent, work: (id: string, pending: Pending) => Promise<void>) => {
    const { id } = (event as BackgroundFetchEventLike).registration;
    event.waitUntil(
      meta.get<Pending>(key(id)).then(async (pending) => {
        if (!pending) return; // not one of ours
        await work(id, pending).catch((error: unknown) => done(id, pending.record.url, saveFailure(pending.record.url, error)));
        await meta.delete(key(id));
      }),
    );
  };
  return {
    async plan(id, url, also, signal) {
      const { record, owner } = await planItem(item, url, also, signal);
      await meta.put(key(id), { record, owner } satisfies Pending);
      return { id, url: record.url, title: record.title, requests: record.files };
    },
    forget: async (id) => void (await meta.delete(key(id))),
    events: {
      backgroundfetchsuccess: (event) =>
        settle(event, async (id, pending) => {
          const files = new Map<string, Response>();
          for (const record of await (event as BackgroundFetchEventLike).registration.matchAll()) {
            const response = await record.responseReady;
            if (response.status !== 200) throw new SaveError('http', pending.record.url, `${record.request.url}: HTTP ${response.status}`, { file: record.request.url, status: response.status });
            files.set(record.request.url, storedCopy(response, await response.blob()));
          }
          const saved = await commitItem(item, pending, files);
          await (event as BackgroundFetchEventLike).updateUI?.({ title: `Saved: ${saved.title}` }).catch(() => {});
          await done(id, saved.url, saved);
        }),
      backgroundfetchfail: (event) =>
        settle(event, async (id, pending) => {
          const { registration } = event as BackgroundFetchEventLike;
          const url = pending.record.url;
          const reason = registration.failureReason;
          if (reason !== 'bad-status') return done(id, url, { code: reason === 'quota-exceeded' ? 'quota' : 'network', url, message: `Background Fetch failed: ${reason}` });
          // A file answered with an error status: name it, as the worker's own fetches do.
          for (const record of await registration.matchAll()) {
            const response = await record.responseReady.catch(() => undefined);
            if (response && response.status !== 200) return done(id, url, { code: 'http', url, file: record.request.url, status: response.status, message: `${record.request.url}: HTTP ${response.status}` });
          }
          return done(id, url, { code: 'http', url, message: 'Background Fetch failed: a file answered with an error status' });
        }),
      backgroundfetchabort: (event) =>
        settle(event, async (id, pending) => done(id, pending.record.url, cancelledSave(pending.record.url))),
    },
  };
}
