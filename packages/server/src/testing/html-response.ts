// Test support: HTML responses as an application sends them, whole or in pieces.
export const html = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
/** A body that arrives in pieces, as a streaming template engine sends it. */
export const chunked = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
