import { parseRange as parseRanges, type ByteRange } from '@shellac/protocol';

export type { ByteRange };

/**
 * The one range the server answers with 206, `'unsatisfiable'` (416), or undefined for the whole
 * (200): no header, a malformed one, an empty representation, or several ranges (see
 * `parseRange` in `@shellac/protocol`, which the worker reads ranges with too).
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const ranges = parseRanges(header, size);
  return ranges === 'unsatisfiable' ? ranges : ranges?.length === 1 ? ranges[0] : undefined;
}
