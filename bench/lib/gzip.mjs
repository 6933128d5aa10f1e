// Gzip size as the rows report it: node:zlib, level 9 (what a CDN's best static gzip gives).
import { gzipSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';

export function gzipSize(data) {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
}
export const gzipFileSize = (path) => gzipSize(readFileSync(path));
