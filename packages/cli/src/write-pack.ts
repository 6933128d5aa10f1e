import { createHash } from 'node:crypto';
import { packFile, type PackIndex } from '@shellac/protocol';
import { contentTypeFor } from '@shellac/server';
import type { PlannedEntry } from './plan-files.js';

/**
 * The pack of a build's precache (see `PackIndex` in `@shellac/protocol`): every entry's bytes in
 * one immutable file, with the content type each needs once stored, for a browser's first
 * install. Undefined when the precache is larger than `maxBytes` (a first install would hold it
 * all in memory at once) or has fewer than two files (nothing to save).
 */
export function writePack(entries: PlannedEntry[], maxBytes: number): { name: string; content: Buffer } | undefined {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (entries.length < 2 || total > maxBytes) return undefined;
  const bodies = entries.map((e) => Buffer.from(e.body()));
  const index: PackIndex = entries.map((e, i) => [e.entry[0], contentTypeFor(e.entry[0].split(/[?#]/)[0]!), bodies[i]!.length]);
  const head = Buffer.from(JSON.stringify(index));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  const content = Buffer.concat([length, head, ...bodies]);
  return { name: packFile(createHash('sha256').update(content).digest('hex').slice(0, 10)), content };
}
