// The head of a content-only page that a Node response holds back until its title is seen.
import { scanTitle, TITLE_SCAN_LIMIT } from '../scan-title.js';

/** A write's callback. */
export type Callback = (error?: Error | null) => void;

/** The first bytes of a content-only page, held until its title is seen, with the callbacks of the writes that gave them. */
export interface Hold {
  /** Adds one write's chunk (string or bytes) and its callback. */
  add(chunk: unknown, encoding: unknown, callback: unknown): void;
  /** True once the title is found, or certainly absent, or the limit is reached. */
  enough(): boolean;
  /** The held bytes. */
  body(): Buffer;
  /** Calls the held writes' callbacks. */
  done(error?: Error | null): void;
}

/** An empty hold. */
export function createHold(): Hold {
  const chunks: Buffer[] = [];
  const callbacks: Callback[] = [];
  let size = 0;
  return {
    add(chunk, encoding, callback) {
      if (typeof callback === 'function') callbacks.push(callback as Callback); // a write's callback, typed by Node as such
      if (chunk == null || typeof chunk === 'function') return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array); // what write() accepts
      chunks.push(bytes);
      size += bytes.byteLength;
    },
    enough: () => size >= TITLE_SCAN_LIMIT || scanTitle(Buffer.concat(chunks).toString('utf8')) !== undefined,
    body: () => Buffer.concat(chunks),
    done: (error) => callbacks.splice(0).forEach((callback) => callback(error)),
  };
}
