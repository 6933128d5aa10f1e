import { SAVE_MESSAGE, type BackgroundSave, type SaveProgressMessage } from '@shellac/protocol';
import type { WorkerLine } from './ask-worker.js';

/** What the page uses of a Background Fetch (typed here: TypeScript's DOM lib has none yet). */
interface BackgroundFetchRegistrationLike extends EventTarget {
  readonly downloaded: number;
  readonly downloadTotal: number;
  /** '' while it runs. */
  readonly result: string;
  abort(): Promise<boolean>;
}
interface BackgroundFetchManagerLike {
  fetch(id: string, requests: string[], options?: { title?: string }): Promise<BackgroundFetchRegistrationLike>;
}

/** True where the browser has Background Fetch. */
export const hasBackgroundFetch = (): boolean => typeof self !== 'undefined' && 'BackgroundFetchManager' in self;

/**
 * Starts the Background Fetch of one planned item. A worker may not start one (Chromium refuses),
 * so the page does; the browser then downloads even after the tab closes, and the worker stores
 * the item when it succeeds. Its progress reaches only this page, which passes it to the worker,
 * which passes it to every tab. `signal` aborts the fetch. Rejects when the browser refuses to start it.
 */
export async function startBackgroundFetch(registration: ServiceWorkerRegistration, plan: BackgroundSave, line: WorkerLine, signal?: AbortSignal): Promise<void> {
  const manager = (registration as ServiceWorkerRegistration & { backgroundFetch: BackgroundFetchManagerLike }).backgroundFetch; // present where hasBackgroundFetch()
  const fetching = await manager.fetch(plan.id, plan.requests, { title: plan.title || plan.url });
  const total = plan.requests.length;
  fetching.addEventListener('progress', () => {
    // The end is the worker's to tell (stored, or failed), once it has stored the files.
    if (fetching.result) return;
    const progress: SaveProgressMessage = {
      type: SAVE_MESSAGE.progress,
      id: plan.id,
      url: plan.url,
      state: 'saving',
      files: { done: 0, total },
      bytes: { done: fetching.downloaded, total: fetching.downloadTotal },
    };
    void line.tell(progress);
  });
  // Aborted while the browser was starting it: a listener added now would never be called.
  if (signal?.aborted) void fetching.abort();
  else signal?.addEventListener('abort', () => void fetching.abort(), { once: true });
}
