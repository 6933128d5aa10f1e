import type { ErrorReply } from '@shellac/protocol';
import { ShellacClientError } from './errors.js';
import type { ShellacClient } from './register.js';

/** A message for the worker: its `type` and its fields. */
export interface WorkerRequest {
  type: string;
  [field: string]: unknown;
}

/** Talks to the worker a client registered: requests answered on a MessageChannel, and plain posts. */
export interface WorkerLine {
  /** Sends a message and resolves with the answer; rejects with `no-worker` or `worker-failed`. */
  ask<T>(message: WorkerRequest): Promise<T>;
  /** Sends a message that has no answer. */
  tell<M extends { type: string }>(message: M): Promise<void>;
}

/**
 * The worker to talk to: the one controlling the page, or the registration's active one (the
 * first page of a visit is not controlled yet). Rejects with `no-worker` when there is none.
 */
export function workerLine(client: Pick<ShellacClient, 'ready'>): WorkerLine {
  const worker = async () => {
    const registration = await client.ready;
    const sw = navigator.serviceWorker;
    const found = registration && (sw.controller ?? registration.active ?? (await sw.ready).active);
    if (!found) throw new ShellacClientError('no-worker', 'no service worker runs for this page (the browser has none, or the registration failed): nothing can be saved');
    return found;
  };
  return {
    async ask<T>(message: WorkerRequest) {
      const target = await worker();
      const channel = new MessageChannel();
      const answer = new Promise<T | ErrorReply>((resolve) => (channel.port1.onmessage = (e) => resolve(e.data as T | ErrorReply))); // our worker answers this type with T, or ErrorReply
      target.postMessage(message, [channel.port2]);
      const reply = await answer;
      const failed = reply as Partial<ErrorReply>; // an ErrorReply has ok: false and an error string
      if (failed?.ok === false && typeof failed.error === 'string') throw new ShellacClientError('worker-failed', `the worker refused ${message.type}: ${failed.error}`, { type: message.type, error: failed.error });
      return reply as T; // not an ErrorReply, checked above
    },
    async tell(message) {
      (await worker()).postMessage(message);
    },
  };
}
