import type { ManifestEntry } from '@shellac/protocol';

/**
 * The topmost folders of a build whose every file, in every subfolder, is a precache entry with
 * a hashed name (`assets/` of a bundler's output), as URLs relative to the site root ending in `/`.
 *
 * The worker routes each such folder to the precache with one static-route pattern instead of one
 * per file: the browser tests a request against the patterns one by one, and 300 patterns made
 * the cache-hit bench 16 % slower than one (and every other request pays for them too). Only the
 * build may say a folder holds nothing else, since it wrote the folder: a file the precache does
 * not hold would be looked up in the cache, missed, and fetched past the worker. A folder of one
 * file is left to its entry (one pattern either way, no bytes added).
 *
 * @param files - URLs (relative to the site root, percent-encoded) of every file the build writes.
 */
export function hashedFolders(files: readonly string[], entries: readonly ManifestEntry[]): string[] {
  const hashed = new Set(entries.filter((e) => e.length === 1).map((e) => e[0]));
  /** Per folder: how many hashed files it holds, or -1 once it holds any other file. */
  const count = new Map<string, number>();
  for (const file of files) {
    const other = !hashed.has(file);
    for (let end = file.indexOf('/'); end !== -1; end = file.indexOf('/', end + 1)) {
      const folder = file.slice(0, end + 1);
      const n = count.get(folder) ?? 0;
      count.set(folder, other || n === -1 ? -1 : n + 1);
    }
  }
  const whole = [...count].filter(([, n]) => n > 1).map(([folder]) => folder);
  // Topmost only: a folder inside a whole one is covered by its pattern.
  return whole.filter((f) => !whole.some((outer) => outer !== f && f.startsWith(outer))).sort();
}
