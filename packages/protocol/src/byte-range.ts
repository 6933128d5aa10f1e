/** One satisfiable byte range of a representation: its first and last byte, inclusive, as `Content-Range` writes them. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

// int-range (`first-last`, last optional) or suffix-range (`-length`): RFC 9110 §14.1.1.
const SPEC = /^(\d*)-(\d*)$/;

/**
 * Reads a `Range` header against a representation of `size` bytes (RFC 9110 §14.1.2): the
 * satisfiable ranges, clipped to the representation, in the order asked; `'unsatisfiable'` when
 * none overlaps it (answer 416); undefined when the header is absent, in another unit, malformed,
 * or the representation is empty (answer 200 with the whole, as the RFC allows for a Range a
 * server does not take). Both the server and the worker answer one range with 206 and several
 * with the whole: media elements ask for one at a time, and no cache on the way stores a
 * `multipart/byteranges` body.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange[] | 'unsatisfiable' | undefined {
  const match = /^bytes=(.*)$/i.exec(header?.trim() ?? '');
  if (!match || size === 0) return undefined;
  // A list may hold empty elements and spaces around its commas (RFC 9110 §5.6.1).
  const specs = match[1]!.split(',').map((spec) => spec.trim()).filter(Boolean);
  if (!specs.length) return undefined;
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const m = SPEC.exec(spec);
    if (!m || (m[1] === '' && m[2] === '')) return undefined;
    const [, first = '', last = ''] = m;
    if (first === '') {
      // A suffix: the last N bytes.
      if (Number(last) > 0) ranges.push({ start: Math.max(0, size - Number(last)), end: size - 1 });
      continue;
    }
    const start = Number(first);
    if (last !== '' && Number(last) < start) return undefined; // last before first: invalid, not unsatisfiable
    if (start < size) ranges.push({ start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) });
  }
  return ranges.length ? ranges : 'unsatisfiable';
}
