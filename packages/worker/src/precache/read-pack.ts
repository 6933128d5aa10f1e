import type { PackIndex } from '@shellac/protocol';

/**
 * The files of a pack (see `PackIndex`), by URL resolved against `base`: each a response with the
 * content type the build recorded. Throws on a pack whose index does not add up to its size.
 */
export function readPack(bytes: ArrayBuffer, base: URL): Map<string, Response> {
  const view = new DataView(bytes);
  const length = view.getUint32(0);
  const index = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, length))) as PackIndex; // the build wrote it
  const files = new Map<string, Response>();
  let at = 4 + length;
  for (const [url, type, size] of index) {
    if (at + size > bytes.byteLength) throw new RangeError(`pack: ${url} ends past the pack`);
    files.set(new URL(url, base).href, new Response(bytes.slice(at, at + size), { headers: { 'Content-Type': type } }));
    at += size;
  }
  return files;
}
