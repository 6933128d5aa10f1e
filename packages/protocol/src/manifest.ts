/** One precached file: its URL relative to the scope, the SHA-256 of its bytes (hex), its size. */
export interface ManifestEntry {
  url: string;
  hash: string;
  size: number;
}

/**
 * The precache manifest `shellac build` writes as its own JSON file. `version` is derived from
 * every entry's URL and hash, so any change to any entry gives a new version.
 */
export interface Manifest {
  version: string;
  entries: ManifestEntry[];
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Checks that a parsed JSON value is a manifest. Returns a list of problems, each naming where
 * (`entries[3].hash`), so a worker or a build can say exactly what is wrong.
 */
export function manifestProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['the manifest is not a JSON object'];
  const m = value as Record<string, unknown>; // narrowed: an object, fields checked one by one below
  const problems: string[] = [];
  if (typeof m.version !== 'string' || m.version === '') problems.push('version: expected a non-empty string');
  if (!Array.isArray(m.entries)) return [...problems, 'entries: expected an array'];
  const seen = new Set<string>();
  m.entries.forEach((e: unknown, i) => {
    const at = `entries[${i}]`;
    if (typeof e !== 'object' || e === null) return void problems.push(`${at}: expected an object`);
    const entry = e as Record<string, unknown>; // narrowed as above
    if (typeof entry.url !== 'string' || entry.url === '') problems.push(`${at}.url: expected a non-empty string`);
    else if (seen.has(entry.url)) problems.push(`${at}.url: "${entry.url}" is listed twice`);
    else seen.add(entry.url);
    if (typeof entry.hash !== 'string' || !HASH.test(entry.hash)) problems.push(`${at}.hash: expected 64 hex digits (SHA-256)`);
    if (typeof entry.size !== 'number' || !Number.isInteger(entry.size) || entry.size < 0) problems.push(`${at}.size: expected a whole number of bytes`);
  });
  return problems;
}
