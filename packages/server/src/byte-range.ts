/** One satisfiable range of a representation: its first and last byte, inclusive, as `Content-Range` writes them. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

// int-range (`first-last`, last optional) or suffix-range (`-length`): RFC 9110 §14.1.1.
const RANGE_SPEC = /^(\d*)-(\d*)$/;

/**
 * Reads one range-spec against `size` bytes: the range clipped to the representation, null when it
 * lies past the end (unsatisfiable), undefined when it is malformed.
 */
function readSpec(spec: string, size: number): ByteRange | null | undefined {
  const match = RANGE_SPEC.exec(spec);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const length = Number(last);
    return length === 0 ? null : { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined; // last before first: invalid, not unsatisfiable
  if (start >= size) return null;
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * What a `Range` header asks of a representation of `size` bytes (RFC 9110 §14.1.2):
 * - one {@link ByteRange}, clipped to the size: answer 206;
 * - `'unsatisfiable'`: none of its ranges overlaps the representation: answer 416;
 * - undefined: answer 200 with the whole. That is the answer to no header, another unit, a
 *   malformed header, an empty representation, and to several satisfiable ranges: RFC 9110 lets a
 *   server ignore Range, media elements and download managers ask for one range at a time, and a
 *   `multipart/byteranges` body is a shape no cache on the way (a service worker's included)
 *   stores or answers from.
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(.*)$/i.exec(header.trim());
  if (!match || size === 0) return undefined;
  // A list may hold empty elements and spaces around its commas (RFC 9110 §5.6.1).
  const specs = (match[1] ?? '').split(',').map((spec) => spec.trim()).filter(Boolean);
  if (specs.length === 0) return undefined;
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const range = readSpec(spec, size);
    if (range === undefined) return undefined;
    if (range) ranges.push(range);
  }
  if (ranges.length === 0) return 'unsatisfiable';
  return ranges.length === 1 ? ranges[0] : undefined;
}
