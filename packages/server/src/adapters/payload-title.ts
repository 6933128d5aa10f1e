// The Fastify side of reading a title: its `onSend` payload is a string, a Buffer or a stream.
import { Readable } from 'node:stream';
import { setTitle, type HeaderAccess } from '../finish-headers.js';
import { readTitle } from '../read-title.js';
import { scanTitle, TITLE_SCAN_LIMIT } from '../scan-title.js';

/**
 * Sets `X-Shellac-Title` from the head of a serialized payload and gives back the payload to
 * send: the same string or Buffer, or for a stream, one that replays what was read.
 */
export async function titledPayload(headers: HeaderAccess, payload: unknown): Promise<unknown> {
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    const head = typeof payload === 'string' ? payload.slice(0, TITLE_SCAN_LIMIT) : payload.subarray(0, TITLE_SCAN_LIMIT).toString();
    setTitle(headers, scanTitle(head));
    return payload;
  }
  // Fastify sends nothing else once serialized: a Node stream or a web one.
  const stream = payload instanceof Readable ? Readable.toWeb(payload) : payload;
  const read = await readTitle(stream as ReadableStream<Uint8Array>); // one of the two streams, by the line above
  setTitle(headers, read.title);
  // A body read whole comes back as bytes, which Fastify takes only as a Buffer.
  return read.body instanceof Uint8Array ? Buffer.from(read.body.buffer, read.body.byteOffset, read.body.byteLength) : read.body;
}
