import { hashOfDigest, RESERVED_PATH, type ManifestEntry } from '@shellac/protocol';

/** Where one precache entry's body is kept: a hashed name under its own URL, others by hash. */
export function entryKey(entry: ManifestEntry, manifestUrl: URL, scope: URL): string {
  const [url, hash] = entry;
  return hash === undefined ? new URL(url, manifestUrl).href : `${scope.href}${RESERVED_PATH}h/${hash}`;
}

/** A body that proved to be its entry's, ready to store (as often as a retry needs). */
export interface VerifiedBody {
  /** Its length in bytes. */
  size: number;
  /** A new response with the body; each call copies the bytes, so each can be stored. */
  response(): Response;
}

/**
 * The body as it will be stored, once it proved to be the entry's: a 200, and for an entry with a
 * hash, bytes with that hash. Throws the reason otherwise. The body is whole and decoded, so the
 * encoding and length the network announced are dropped; `type` stands in when the source says
 * nothing of it (a pack).
 */
export async function verifiedBody(entry: ManifestEntry, response: Response, type?: string): Promise<VerifiedBody> {
  if (response.status !== 200) throw `HTTP ${response.status}`;
  const body = await response.arrayBuffer();
  const hash = entry[1];
  if (hash !== undefined) {
    const found = hashOfDigest(await crypto.subtle.digest('SHA-256', body));
    if (found !== hash) throw `hash ${found}`;
  }
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  if (type && !headers.has('Content-Type')) headers.set('Content-Type', type);
  // The Fetch standard copies a buffer given as a body, so one buffer makes as many responses as needed.
  return { size: body.byteLength, response: () => new Response(body, { status: 200, headers }) };
}
