import type { ErrorReply } from '@shellac/protocol';
import type { Log } from './log.js';
import type { MessageHandler, Unit } from './unit.js';

/** What a message listener needs of the event. */
export interface MessageEventLike {
  data: unknown;
  ports: readonly MessagePort[];
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * The one place page messages are dispatched, by `type`, to the unit that takes it. Unknown types
 * are ignored (another library's messages share the channel); a message of a known type that its
 * handler refuses, or that fails, gets `{ ok: false, error }` on its port, and the worker goes on.
 */
export function createMessages(units: readonly Unit[], log: Log): (event: MessageEventLike) => void {
  const handlers = new Map<string, MessageHandler>();
  for (const unit of units) for (const [type, handler] of Object.entries(unit.messages ?? {})) handlers.set(type, handler);
  return function onMessage(event) {
    const data = event.data;
    const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined; // any value may arrive
    const handler = typeof type === 'string' ? handlers.get(type) : undefined;
    if (!handler) return;
    const reply = (value: unknown) => value !== undefined && event.ports[0]?.postMessage(value);
    const work = (async () => handler(data as Record<string, unknown>))() // an object with a known type
      .then(reply, (error: unknown) => {
        log(() => `message ${type} failed: ${error}`);
        const answer: ErrorReply = { ok: false, error: String(error) };
        reply(answer);
      });
    event.waitUntil(work);
  };
}
