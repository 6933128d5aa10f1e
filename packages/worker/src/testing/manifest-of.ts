import { hashOfDigest, isHashedName, type Manifest, type PackIndex } from '@shellac/protocol';

/** The manifest hash of a text's UTF-8 bytes, as the build writes it. */
export async function hashOf(text: string): Promise<string> {
  return hashOfDigest(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** The manifest `shellac build` would write for these files (URL relative to the manifest → body). */
export async function manifestOf(version: string, files: Record<string, string>): Promise<Manifest> {
  const entries = await Promise.all(Object.entries(files).map(async ([url, body]): Promise<Manifest['entries'][number]> => (isHashedName(url) ? [url] : [url, await hashOf(body)])));
  return { version, entries };
}

/** A pack of these files (see `PackIndex`), as `shellac build` writes one. */
export function packOf(files: Record<string, string>, type = 'text/plain'): Uint8Array {
  const bodies = Object.values(files).map((body) => new TextEncoder().encode(body));
  const index: PackIndex = Object.keys(files).map((url, i) => [url, type, bodies[i]!.length]);
  const head = new TextEncoder().encode(JSON.stringify(index));
  const out = new Uint8Array(4 + head.length + bodies.reduce((n, b) => n + b.length, 0));
  new DataView(out.buffer).setUint32(0, head.length);
  out.set(head, 4);
  let at = 4 + head.length;
  for (const body of bodies) out.set(body, at), (at += body.length);
  return out;
}
