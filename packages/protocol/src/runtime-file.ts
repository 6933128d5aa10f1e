/**
 * The function the runtime file defines on the worker's global scope, which `sw.js` calls with
 * its config: `importScripts("shellac-runtime.<hash>.js"); shellac({ version: …, … })`. The
 * runtime is immutable and shared by every deploy; `sw.js` holds only what changes.
 */
export const RUNTIME_GLOBAL = 'shellac';

/** The runtime file's name, content-hashed: `shellac-runtime.<hash>.js`. */
export function runtimeFile(hash: string): string {
  return `shellac-runtime.${hash}.js`;
}

/** The pack file's name, content-hashed: `shellac-pack.<hash>.bin`. */
export function packFile(hash: string): string {
  return `shellac-pack.${hash}.bin`;
}

/**
 * The pack `shellac build` writes for a version: named after its first 10 digits (the version is
 * a hash of the entries, whose hashes are of the bytes the pack holds). `sw.js` leaves out a pack
 * of this name: the worker derives it.
 */
export function versionPack(version: string): string {
  return packFile(version.slice(0, 10));
}

/** True for the name of a runtime or a pack file, which never change (served `immutable`). */
export function isBuildHashedFile(name: string): boolean {
  return /^shellac-(?:runtime\.[0-9a-f]+\.js|pack\.[0-9a-f]+\.bin)$/.test(name);
}
