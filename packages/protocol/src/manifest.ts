/**
 * One precached file: `[url]` when its name already carries its content hash (it can never
 * change: the URL is its identity), else `[url, hash]` with {@link HASH_LENGTH} characters of its
 * SHA-256. The URL is relative to the manifest.
 */
export type ManifestEntry = [url: string] | [url: string, hash: string];

/**
 * The precache manifest `shellac build` writes as its own JSON file. `version` is the first 16 hex
 * digits of the SHA-256 of `JSON.stringify(entries)`, so any change to any entry gives a new
 * version. `pack`, when present, names one immutable file holding every entry, for first installs.
 */
export interface Manifest {
  version: string;
  entries: ManifestEntry[];
  pack?: string;
}

/**
 * Characters of base64url SHA-256 an entry carries: 72 bits. The hash tells whether a file
 * changed and keys its body in the precache; two different bodies share a key with probability
 * about n² / 2⁷³ for n bodies ever stored in one browser (one in 10¹⁰ for a million), and a body
 * a server serves by mistake (a stale CDN copy) passes the check with probability 2⁻⁷².
 */
export const HASH_LENGTH = 12;

/** The manifest hash of a body from its SHA-256 digest: the digest's first 9 bytes in base64url. */
export function hashOfDigest(digest: ArrayBuffer | Uint8Array): string {
  const bytes = new Uint8Array(digest instanceof Uint8Array ? digest.buffer.slice(digest.byteOffset, digest.byteOffset + 9) : digest.slice(0, 9));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * True for a file name that carries a content hash (`app.3f9a1c2b.js`, `app-3F9A1C2B.css`): the
 * segment before the extension has 8 or more letters, digits or `_`, with both a digit and a
 * letter (so `roboto-condensed.woff2` and `report-20241231.pdf` are not taken for hashed). Such a
 * file is served `immutable` and precached without a hash of its own. Pages never are.
 */
export function isHashedName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).split(/[?#]/)[0]!;
  if (/\.html?$/i.test(name)) return false;
  const hash = /[.-]([0-9a-zA-Z_]{8,})\.[a-z0-9]+$/i.exec(name)?.[1] ?? '';
  return /[0-9]/.test(hash) && /[a-zA-Z]/.test(hash);
}

/**
 * Checks that a parsed JSON value is a manifest. Returns a list of problems, each naming where
 * (`entries[3][1]`), so a worker or a build can say exactly what is wrong.
 */
export function manifestProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['the manifest is not a JSON object'];
  const m = value as Record<string, unknown>; // narrowed: an object, fields checked one by one below
  const problems: string[] = [];
  if (typeof m.version !== 'string' || m.version === '') problems.push('version: expected a non-empty string');
  if (m.pack !== undefined && (typeof m.pack !== 'string' || m.pack === '')) problems.push('pack: expected a file name');
  if (!Array.isArray(m.entries)) return [...problems, 'entries: expected an array'];
  const seen = new Set<string>();
  // Made here, not at load: a bundle that never checks a manifest (a worker) carries none of it.
  const HASH = new RegExp(`^[A-Za-z0-9_-]{${HASH_LENGTH}}$`);
  m.entries.forEach((e: unknown, i) => {
    const at = `entries[${i}]`;
    if (!Array.isArray(e) || e.length < 1 || e.length > 2) return void problems.push(`${at}: expected [url] or [url, hash]`);
    const [url, hash] = e as unknown[]; // checked one by one
    if (typeof url !== 'string' || url === '') problems.push(`${at}[0]: expected a non-empty URL`);
    else if (seen.has(url)) problems.push(`${at}[0]: "${url}" is listed twice`);
    else seen.add(url);
    if (e.length === 2 && (typeof hash !== 'string' || !HASH.test(hash))) problems.push(`${at}[1]: expected ${HASH_LENGTH} base64url characters`);
  });
  return problems;
}
