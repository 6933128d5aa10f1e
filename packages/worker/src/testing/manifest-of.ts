import type { Manifest } from '@shellac/protocol';

/** The SHA-256 of a text's UTF-8 bytes, in hex, as the build writes it. */
export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The manifest `shellac build` would write for these files (URL relative to the manifest → body). */
export async function manifestOf(version: string, files: Record<string, string>): Promise<Manifest> {
  const entries = await Promise.all(Object.entries(files).map(async ([url, body]) => ({ url, hash: await sha256(body), size: new TextEncoder().encode(body).length })));
  return { version, entries };
}
