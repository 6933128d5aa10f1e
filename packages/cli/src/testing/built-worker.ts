/**
 * Reads what `shellac build` wrote for the worker: the configuration `sw.js` starts the runtime
 * with, the manifest's entries among it (the manifest file holds the version alone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { versionPack, type Manifest, type ManifestEntry, type WorkerConfig } from '@shellac/protocol';

/** The configuration in `<out>/sw.js`: the argument of its one `shellac(…)` call. */
export function builtConfig(out: string): WorkerConfig {
  const sw = readFileSync(join(out, 'sw.js'), 'utf8');
  const at = sw.indexOf('shellac({');
  if (at < 0 || !sw.endsWith(');')) throw new Error(`${join(out, 'sw.js')} has no shellac({…}) call`);
  return JSON.parse(sw.slice(at + 'shellac('.length, -2)) as WorkerConfig; // the build writes JSON there
}

/** The manifest of a build (version, entries, pack, hashed folders), as `sw.js` carries it. */
export function builtManifest(out: string): Manifest {
  const { version, entries, pack, hashedFolders } = builtConfig(out);
  if (!entries) throw new Error(`${join(out, 'sw.js')} carries no entries`);
  // Left out of sw.js when named after the version; false when there is none.
  const named = pack === false ? undefined : (pack ?? versionPack(version));
  return { version, entries, ...(named && { pack: named }), ...(hashedFolders && { hashedFolders }) };
}

/** The precache entries of a build, as `sw.js` carries them. */
export const builtEntries = (out: string): ManifestEntry[] => builtManifest(out).entries;
