import { HASH_LENGTH } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';
import type { PlannedEntry } from './plan-files.js';

/**
 * Refuses a precache in which two different bodies have the same hash: the worker stores bodies
 * by hash, so one would be served for the other. With {@link HASH_LENGTH} characters (48 bits)
 * this is about n² / 2⁴⁹ for n files, one in 10⁷ for 10,000: checked, never assumed. The same
 * body at two URLs shares its hash rightly.
 */
export function sharedHashes(planned: PlannedEntry[]): void {
  const seen = new Map<string, PlannedEntry>();
  for (const p of planned) {
    const hash = p.entry[1];
    if (hash === undefined) continue;
    const other = seen.get(hash);
    if (!other) seen.set(hash, p);
    else if (!Buffer.from(other.body()).equals(Buffer.from(p.body()))) {
      throw new ShellacCliError('site', `${other.entry[0]} and ${p.entry[0]} differ but have the same ${HASH_LENGTH}-character hash ${hash}: change either file by a byte (a comment) and build again.`, { file: p.entry[0] });
    }
  }
}
