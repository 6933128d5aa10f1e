// Reading a title from a body Node holds whole or streams: Fastify's `onSend` payload (a string, a
// Buffer or a stream) and the body node:http's `end()` is given.
import { Readable } from 'node:stream';
import { setTitle, type HeaderAccess } from '../finish-headers.js';
import { readTitle } from '../read-title.js';
import { scanTitle, TITLE_SCAN_LIMIT } from '../scan-title.js';

/**
 * The text of a whole body's head, up to the scan limit, as Node takes a body: a string in its
 * `encoding` (text as it is; `hex` and `base64` decoded) or bytes. Anything else has none.
 */
export function payloadHead(payload: unknown, encoding?: unknown): string {
  if (typeof payload === 'string') return encoding === 'hex' || encoding === 'base64' || encoding === 'base64url' ? Buffer.from(payload, encoding).toString('utf8', 0, TITLE_SCAN_LIMIT) : payload.slice(0, TITLE_SCAN_LIMIT);
  return payload instanceof Uint8Array ? Buffer.from(payload.buffer, payload.byteOffset, Math.min(payload.byteLength, TITLE_SCAN_LIMIT)).toString('utf8') : '';
}

/**
 * Sets `X-Shellac-Title` from the head of a serialized payload and gives back the payload to
 * send: the same string or Buffer, or for a stream, one that replays what was read.
 */
export async function titledPayload(headers: HeaderAccess, payload: unknown): Promise<unknown> {
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    setTitle(headers, scanTitle(payloadHead(payload)));
    return payload;
  }
  // Fastify sends nothing else once serialized: a Node stream or a web one.
  const stream = payload instanceof Readable ? Readable.toWeb(payload) : payload;
  const read = await readTitle(stream as ReadableStream<Uint8Array>); // one of the two streams, by the line above
  setTitle(headers, read.title);
  // A body read whole comes back as bytes, which Fastify takes only as a Buffer.
  return read.body instanceof Uint8Array ? Buffer.from(read.body.buffer, read.body.byteOffset, read.body.byteLength) : read.body;
}
