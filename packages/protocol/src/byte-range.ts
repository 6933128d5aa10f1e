/** One satisfiable byte range of a representation, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range` header against a representation of `size` bytes (RFC 9110 §14): the ranges to
 * send, in the order asked; `'unsatisfiable'` when none overlaps the representation (answer 416);
 * undefined when the header is absent, not in bytes, or malformed (answer 200 with everything,
 * as the RFC allows for a Range a server does not understand).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange[] | 'unsatisfiable' | undefined {
  const m = header ? /^\s*bytes\s*=\s*(.+)$/i.exec(header) : null;
  if (!m) return undefined;
  const ranges: ByteRange[] = [];
  for (const spec of m[1]!.split(',')) {
    const part = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(spec);
    if (!part || (part[1] === '' && part[2] === '')) return undefined;
    if (part[1] === '') {
      // A suffix: the last N bytes.
      const length = Number(part[2]);
      if (length > 0 && size > 0) ranges.push({ start: Math.max(0, size - length), end: size - 1 });
      continue;
    }
    const start = Number(part[1]);
    const end = part[2] === '' ? size - 1 : Math.min(Number(part[2]), size - 1);
    if (part[2] !== '' && Number(part[2]) < start) return undefined;
    if (start < size) ranges.push({ start, end });
  }
  return ranges.length ? ranges : 'unsatisfiable';
}
