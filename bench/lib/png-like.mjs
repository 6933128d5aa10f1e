// PNG-like files: a PNG's first bytes, then an incompressible payload (as real images are).
import { randomBytes } from './prng.mjs';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG-like file of exactly `size` bytes: PNG signature + IHDR-ish header + incompressible payload. */
export function pngLike(rand, size, tag) {
  const head = Buffer.concat([PNG_SIGNATURE, Buffer.from(`\0\0\0\rIHDR${tag}`)]);
  return Buffer.concat([head, randomBytes(rand, Math.max(0, size - head.length))]).subarray(0, size);
}
