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
  /**
   * Folders (relative URLs ending in `/`) whose every file is an entry with a hashed name: the
   * browser's static routes take each with one pattern instead of one per file. Only the build
   * that wrote the folder can know it holds nothing else.
   */
  hashedFolders?: string[];
}

/**
 * The manifest file when `sw.js` carries the entries (`shellac build` and Django's `shellac_build`
 * always put them there): the version alone, `{"version":"…"}`. The worker's update check reads it
 * once after every deploy (and a retirement removes it); with the entries in it, every update
 * would send them twice. Earlier builds wrote `"inlined": true` beside it, still accepted: every
 * byte of this file is sent once per deploy to every visitor, so the marker went.
 */
export interface InlinedManifest {
  version: string;
  inlined?: true;
}

/**
 * Characters of base64url SHA-256 an entry carries: 48 bits (the digest's first 6 bytes). Every
 * entry's hash is sent again with each update, so its length is paid on every deploy; 48 bits is
 * enough because the hash guards against accidents, never against an adversary (the manifest and
 * the files come from the same trusted server, and one who controls it can send anything):
 * - a changed file that keeps its hash (the update would miss it): 2⁻⁴⁸, about 1 in 3 × 10¹⁴, per
 *   change; a site changing 1,000 files a day for 100 years makes about 4 × 10⁷ changes (1 in 10⁷);
 * - a wrong body (a stale CDN copy, a truncated one) that passes the check: 2⁻⁴⁸ each;
 * - bodies are stored by hash, shared by versions, so an update's new bodies must not collide with
 *   those a browser holds: new × held / 2⁴⁸ per update, 4 × 10⁻⁹ for 100 new among 10,000 held.
 * `shellac build` also refuses a build in which two different bodies share a hash.
 * See docs/worker.md, "The manifest".
 */
export const HASH_LENGTH = 8;

/** The manifest hash of a body from its SHA-256 digest: the digest's first 6 bytes in base64url. */
export function hashOfDigest(digest: ArrayBuffer | Uint8Array): string {
  const bytes = new Uint8Array(digest instanceof Uint8Array ? digest.buffer.slice(digest.byteOffset, digest.byteOffset + 6) : digest.slice(0, 6));
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
 * Checks that a parsed JSON value is a manifest ({@link Manifest} or {@link InlinedManifest}). Returns a list of problems, each naming where
 * (`entries[3][1]`), so a worker or a build can say exactly what is wrong.
 */
export function manifestProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['the manifest is not a JSON object'];
  const m = value as Record<string, unknown>; // narrowed: an object, fields checked one by one below
  const problems: string[] = [];
  if (typeof m.version !== 'string' || m.version === '') problems.push('version: expected a non-empty string');
  if (m.inlined !== undefined) {
    if (m.inlined !== true) problems.push('inlined: expected true (the entries are in sw.js)');
    for (const key of ['entries', 'pack', 'hashedFolders']) if (m[key] !== undefined) problems.push(`${key}: not expected with inlined (sw.js carries it)`);
    return problems;
  }
  if (Object.keys(m).every((key) => key === 'version')) return problems; // the version alone
  if (m.pack !== undefined && (typeof m.pack !== 'string' || m.pack === '')) problems.push('pack: expected a file name');
  if (m.hashedFolders !== undefined) {
    const folders = Array.isArray(m.hashedFolders) ? (m.hashedFolders as unknown[]) : [undefined]; // each checked next
    folders.forEach((f, i) => {
      if (!isHashedFolder(f)) problems.push(`hashedFolders[${i}]: expected a relative folder URL ending in / (not the root), got ${JSON.stringify(f)}`);
    });
  }
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

/**
 * True for a folder a manifest may name in `hashedFolders`: relative, ending in `/`, strictly
 * below the manifest's own folder (a route for `./` or `../` would take pages and `sw.js` away
 * from the worker). Dot segments are refused in every spelling the URL parser reads as one.
 */
function isHashedFolder(value: unknown): value is string {
  if (typeof value !== 'string' || !value.endsWith('/') || /^[a-z][a-z0-9+.-]*:|[?#\\]/i.test(value)) return false;
  return value.slice(0, -1).split('/').every((s) => s !== '' && !/^(\.|%2e){1,2}$/i.test(s));
}
