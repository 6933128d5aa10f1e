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

/** Which progress messages belong to one save, and waiting for the ends it expects. */
interface SaveTracker {
  /** Waits for the end of a Background Fetch item, from now on counted as this save's. */
  expect(planId: string): Promise<SaveProgressMessage>;
  /** Forgets an item whose Background Fetch did not start. */
  drop(planId: string): void;
  /**
   * Resolves once `count` items of the worker's own fetches were heard ending. The worker tells
   * every page how each item ended before it answers, but on another channel: the answer may
   * come first.
   */
  heard(count: number): Promise<void>;
  stop(): void;
}

function trackSave(env: SaveEnv, id: string, emit: (message: SaveProgressMessage) => void): SaveTracker {
  const ends = new Map<string, (message: SaveProgressMessage) => void>();
  let heard = 0;
  let hear = () => {};
  const stop = env.progress.on('progress', (message) => {
    if (message.id !== id && !ends.has(message.id)) return;
    emit(message);
    if (message.state === 'saving') return;
    if (message.id === id) heard++, hear();
    ends.get(message.id)?.(message);
  });
  return {
    expect: (planId) => new Promise((resolve) => ends.set(planId, resolve)),
    drop: (planId) => void ends.delete(planId),
    async heard(count) {
      while (heard < count) await new Promise<void>((resolve) => (hear = resolve));
    },
    stop,
  };
}

/** The save itself: asks the worker, starts the Background Fetches, collects every item's end. */
async function perform(env: SaveEnv, id: string, urls: string[], options: SaveOptions, tracker: SaveTracker): Promise<SaveReply> {
  const { line } = env;
  const { signal } = options;
  const mode = options.background ?? 'auto';
  const reply: SaveReply = { ok: true, items: [], errors: [] };
  let told = 0;
  const ask = async (list: string[], background: boolean) => {
    const answer = await line.ask<SaveReply>({ type: SAVE_MESSAGE.save, id, urls: list, also: options.also ?? [], ...(background && { background: true }) });
    reply.items.push(...answer.items);
    reply.errors.push(...answer.errors);
    told += answer.items.length + answer.errors.length;
    return answer.background ?? [];
  };
  const plans = await ask(urls, mode !== false && hasBackgroundFetch());
  const registration = await env.client.ready;
  const endings: Promise<SaveProgressMessage>[] = [];
  const rest: BackgroundSave[] = [];
  for (const plan of plans) {
    if (!registration || signal?.aborted || (mode === 'auto' && !isLargeSave(plan))) {
      rest.push(plan);
      continue;
    }
    const ended = tracker.expect(plan.id);
    // Refused (no permission, a duplicate id): the worker fetches this item itself below.
    if (await startBackgroundFetch(registration, plan, line, signal).then(() => true, () => false)) endings.push(ended);
    else tracker.drop(plan.id), rest.push(plan);
  }
  // Plans no Background Fetch took: the worker forgets them, and fetches the items itself.
  for (const plan of rest) void line.tell({ type: SAVE_MESSAGE.cancel, id: plan.id }).catch(() => {});
  if (rest.length && signal?.aborted) reply.errors.push(...rest.map((plan) => cancelled(plan.url)));
  else if (rest.length) await ask(rest.map((plan) => plan.url), false);
  for (const end of await Promise.all(endings)) {
    if (end.state === 'saved' && end.item) reply.items.push(end.item);
    else reply.errors.push(end.error ?? (end.state === 'cancelled' ? cancelled(end.url) : { code: 'network', url: end.url, message: `Background Fetch ${end.state}` }));
  }
  await tracker.heard(told);
  reply.ok = !reply.errors.length;
  return reply;
}

/** Starts a save of absolute `urls` and returns its handle at once. */
export function runSave(env: SaveEnv, urls: string[], options: SaveOptions = {}): SaveHandle {
  const { signal } = options;
  const id = crypto.randomUUID();
  const own = createEmitter<SaveHandleEvents>();
  const tracker = trackSave(env, id, (message) => own.emit('progress', message));
  const cancel = () => void env.line.tell({ type: SAVE_MESSAGE.cancel, id }).catch(() => {});
  const end = () => (tracker.stop(), signal?.removeEventListener('abort', cancel));
  signal?.addEventListener('abort', cancel, { once: true });
  const work = signal?.aborted ? Promise.resolve<SaveReply>({ ok: false, items: [], errors: urls.map(cancelled) }) : perform(env, id, urls, options, tracker);
  const done = work.then(
    (reply) => {
      end();
      const errors = reply.errors.map((failure) => saveFailureError(failure, { reply }));
      errors.forEach((error) => own.emit('error', error));
      own.emit('done', reply);
      if (errors[0]) throw errors[0];
      return reply;
    },
    (error: unknown) => {
      end();
      const typed = error instanceof ShellacClientError ? error : new ShellacClientError('worker-failed', `the save could not be sent to the worker: ${error}`, { error });
      own.emit('error', typed);
      throw typed;
    },
  );
  // Failures reach 'error' listeners too: a page that listens there need not catch `done`.
  done.catch(() => {});
  return { id, done, on: own.on };
}
