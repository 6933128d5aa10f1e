import { SAVE_MESSAGE, type BackgroundSave, type SaveFailure, type SaveProgressMessage, type SaveReply } from '@shellac/protocol';
import type { WorkerLine } from './ask-worker.js';
import { hasBackgroundFetch, startBackgroundFetch } from './background-fetch.js';
import { createEmitter, type Emitter } from './emitter.js';
import { ShellacClientError } from './errors.js';
import { isLargeSave } from './is-large-save.js';
import type { ShellacClient } from './register.js';
import { saveFailureError } from './save-failure-error.js';

/** Options of `save()`. */
export interface SaveOptions {
  /** Aborting it cancels the save: nothing of an item not yet stored is kept. */
  signal?: AbortSignal;
  /** More URLs to keep with each page, beside what its HTML references (resolved against this page). */
  also?: string[];
  /**
   * Fetch with Background Fetch, which goes on when the tab closes. `'auto'` (default): for large
   * items (`isLargeSave`) where the browser has it; `true`: for every item where the browser has
   * it; `false`: never. Elsewhere, and for an item whose fetch the browser refuses to start, the
   * worker fetches the files itself.
   */
  background?: boolean | 'auto';
}

/** What a save handle's listeners receive. */
export interface SaveHandleEvents {
  /** How one item is going, as every tab sees it. */
  progress: SaveProgressMessage;
  /** The save ended (`ok` false when an item was not saved). */
  done: SaveReply;
  /** An item was not saved (one event per item), or the worker could not be asked. */
  error: ShellacClientError;
}

/** One save under way. */
export interface SaveHandle {
  /** The save's id (its progress messages carry it; Background Fetch items carry `<id>:<n>`). */
  readonly id: string;
  /**
   * Resolves with the reply when every item was saved; rejects with the `ShellacClientError` of
   * the first item that was not (its `details.reply` holds the whole reply).
   */
  readonly done: Promise<SaveReply>;
  on<K extends keyof SaveHandleEvents>(type: K, listener: (event: SaveHandleEvents[K]) => void): () => void;
}

/** What a save needs from the `Saves` it belongs to. */
export interface SaveEnv {
  client: Pick<ShellacClient, 'ready'>;
  line: WorkerLine;
  /** Every progress message from the worker (all saves, all tabs). */
  progress: Emitter<{ progress: SaveProgressMessage }>;
}

const cancelled = (url: string): SaveFailure => ({ code: 'cancelled', url, message: 'the save was cancelled' });

/** Starts a save of absolute `urls` and returns its handle at once. */
export function runSave(env: SaveEnv, urls: string[], options: SaveOptions = {}): SaveHandle {
  const { line } = env;
  const { signal } = options;
  const id = crypto.randomUUID();
  const own = createEmitter<SaveHandleEvents>();
  const ids = new Set<string>([id]);
  const ends = new Map<string, (message: SaveProgressMessage) => void>();
  // The worker tells every page how each item ended before it answers, but on another channel:
  // the answer may come first. The save ends once every end it names was heard too.
  let heard = 0;
  let hear = () => {};
  const off = env.progress.on('progress', (message) => {
    if (!ids.has(message.id)) return;
    own.emit('progress', message);
    if (message.state === 'saving') return;
    if (message.id === id) heard++, hear();
    ends.get(message.id)?.(message);
  });
  const heardAll = async (count: number) => {
    while (heard < count) await new Promise<void>((resolve) => (hear = resolve));
  };
  const mode = options.background ?? 'auto';
  const cancel = () => void line.tell({ type: SAVE_MESSAGE.cancel, id }).catch(() => {});

  const work = async (): Promise<SaveReply> => {
    const reply: SaveReply = { ok: true, items: [], errors: [] };
    let told = 0;
    const merge = (r: SaveReply) => {
      reply.items.push(...r.items);
      reply.errors.push(...r.errors);
      told += r.items.length + r.errors.length;
    };
    const ask = (list: string[], background: boolean) =>
      line.ask<SaveReply>({ type: SAVE_MESSAGE.save, id, urls: list, also: options.also ?? [], ...(background && { background: true }) });
    if (signal?.aborted) return { ok: false, items: [], errors: urls.map(cancelled) };
    signal?.addEventListener('abort', cancel, { once: true });
    const first = await ask(urls, mode !== false && hasBackgroundFetch());
    merge(first);
    const registration = await env.client.ready;
    const endings: Promise<SaveProgressMessage>[] = [];
    const rest: BackgroundSave[] = [];
    for (const plan of first.background ?? []) {
      if (!registration || signal?.aborted || (mode === 'auto' && !isLargeSave(plan))) {
        rest.push(plan);
        continue;
      }
      ids.add(plan.id);
      const ended = new Promise<SaveProgressMessage>((resolve) => ends.set(plan.id, resolve));
      // Refused (no permission, a duplicate id): the worker fetches this item itself below.
      if (await startBackgroundFetch(registration, plan, line, signal).then(() => true, () => false)) endings.push(ended);
      else rest.push(plan);
    }
    // Plans no Background Fetch took: the worker forgets them, and fetches the items itself.
    for (const plan of rest) void line.tell({ type: SAVE_MESSAGE.cancel, id: plan.id }).catch(() => {});
    if (rest.length && signal?.aborted) reply.errors.push(...rest.map((plan) => cancelled(plan.url)));
    else if (rest.length) merge(await ask(rest.map((plan) => plan.url), false));
    for (const end of await Promise.all(endings)) {
      if (end.state === 'saved' && end.item) reply.items.push(end.item);
      else reply.errors.push(end.error ?? (end.state === 'cancelled' ? cancelled(end.url) : { code: 'network', url: end.url, message: `Background Fetch ${end.state}` }));
    }
    await heardAll(told);
    reply.ok = !reply.errors.length;
    return reply;
  };

  const done = work().then(
    (reply) => {
      off();
      signal?.removeEventListener('abort', cancel);
      const errors = reply.errors.map((failure) => saveFailureError(failure, { reply }));
      errors.forEach((error) => own.emit('error', error));
      own.emit('done', reply);
      if (errors[0]) throw errors[0];
      return reply;
    },
    (error: unknown) => {
      off();
      const typed = error instanceof ShellacClientError ? error : new ShellacClientError('worker-failed', `the save could not be sent to the worker: ${error}`, { error });
      own.emit('error', typed);
      throw typed;
    },
  );
  // Failures reach 'error' listeners too: a page that listens there need not catch `done`.
  done.catch(() => {});
  return { id, done, on: own.on };
}
