import { versionPack, type InlinedManifest, type Manifest, type WorkerConfig } from '@shellac/protocol';
import { workerScript } from './bundle-worker.js';

/** `sw.js` with the manifest's entries, and what is left for `shellac-manifest.json`. */
export interface PlacedManifest {
  sw: string;
  /** The configuration `sw.js` starts the runtime with, the entries (the pack, unless derived; the hashed folders) included. */
  config: WorkerConfig;
  /** The text of `shellac-manifest.json`: the version alone, `{"version":"…"}`. */
  manifest: string;
}

/**
 * Puts the manifest's entries into `sw.js` and leaves only the version in `shellac-manifest.json`.
 * Every update downloads `sw.js`, and the worker's next look for updates downloads the manifest
 * file once (a 200 after each deploy, 304s after): the entries travel once per update, in `sw.js`,
 * and a first install fetches no manifest, only its headers. With the entries in the manifest
 * file instead, an update would send them twice (the look, then the install's versioned fetch),
 * more than `sw.js` ever carries for them. Hand-written workers may still leave them out of their
 * config and read a whole manifest ({@link Manifest}), as Django's build writes it.
 */
export function placeManifest(banner: string, runtime: string, config: WorkerConfig, manifest: Manifest): PlacedManifest {
  const { version, pack, hashedFolders } = manifest;
  // sw.js is sent with every update: a pack named after the version is the worker's to derive.
  const withEntries: WorkerConfig = { ...config, entries: manifest.entries, ...(pack !== versionPack(version) && { pack: pack ?? false }), ...(hashedFolders?.length && { hashedFolders }) };
  const versionOnly: InlinedManifest = { version };
  return { sw: workerScript(banner, runtime, withEntries), config: withEntries, manifest: JSON.stringify(versionOnly) };
}
