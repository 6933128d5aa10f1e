import { scanTitle, TITLE_SCAN_LIMIT } from './scan-title.js';

/**
 * Reads a body for its title: whole when it ends within {@link TITLE_SCAN_LIMIT} bytes (given back
 * as bytes), else that much, given back as a stream that replays what was read and then passes the
 * rest through untouched.
 */
export async function readTitle(body: ReadableStream<Uint8Array>): Promise<{ title: string | null; body: ReadableStream<Uint8Array> | Uint8Array }> {
  const reader = body.getReader();
  // A stream made from a Node stream of strings (`Readable.toWeb`) yields strings, which a
  // Response body cannot carry; they are encoded on the way through.
  const encoder = new TextEncoder();
  const bytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  const decoder = new TextDecoder(); // UTF-8: what every framework this package serves writes
  const seen: Uint8Array[] = [];
  let text = '';
  let size = 0;
  let title: string | null | undefined;
  let done = false;
  // Read on past the title while the body stays small: a body read whole goes out as bytes, which
  // servers write in one go (a replaying stream cost Hono over half its content-only throughput),
  // and nobody waits for it: the shell loader uses a content response only once it is complete.
  while (size < TITLE_SCAN_LIMIT) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = bytes(next.value);
    seen.push(chunk);
    size += chunk.byteLength;
    if (title === undefined) {
      text += decoder.decode(chunk, { stream: true });
      title = scanTitle(text);
    }
  }
  if (done) return { title: title ?? null, body: concat(seen, size) };
  let i = 0;
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const held = seen[i];
      if (held) {
        seen[i++] = new Uint8Array(0); // let the held bytes go as soon as they are passed on
        return controller.enqueue(held);
      }
      if (done) return controller.close();
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(bytes(next.value));
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { title: title ?? null, body: replay };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
