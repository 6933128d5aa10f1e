import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Read through one buffer: hashing 10,000 files then allocates nothing per file for the collector. */
const chunk = Buffer.allocUnsafe(1 << 20);

/**
 * The SHA-256 digest of a file's bytes and their count, read in 1 MiB chunks into a reused buffer.
 * Synchronous, like the scan: a build does this for every file and has nothing else to run on
 * its main thread meanwhile (the copies run on libuv's threads).
 */
export function hashFile(abs: string): { digest: Buffer; size: number } {
  const fd = openSync(abs, 'r');
  try {
    const hash = createHash('sha256');
    let size = 0;
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; size += n) hash.update(chunk.subarray(0, n));
    return { digest: hash.digest(), size };
  } finally {
    closeSync(fd);
  }
}
