/**
 * Node's `isDeepStrictEqual`, for the values tests compare: primitives by `Object.is`, the same
 * prototype and own enumerable keys on both sides, Maps and Sets by content, dates, regular
 * expressions, errors, URLs and binary views by what they hold. Cycles compare equal when both
 * sides cycle at the same place.
 */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

type Memo = Map<object, object>;

function equal(a: unknown, b: unknown, memo: Memo): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
  if (memo.get(a) === b) return true;
  memo.set(a, b);
  try {
    return sameKind(a, b, memo) && sameKeys(a, b, memo);
  } finally {
    memo.delete(a);
  }
}

/** What a built-in object holds beyond its own enumerable keys. */
function sameKind(a: object, b: object, memo: Memo): boolean {
  if (a instanceof Date) return a.getTime() === (b as Date).getTime(); // same prototype as a
  if (a instanceof RegExp) return String(a) === String(b) && a.lastIndex === (b as RegExp).lastIndex; // same prototype
  if (a instanceof Error) return a.message === (b as Error).message && a.name === (b as Error).name; // same prototype
  if (typeof URL !== 'undefined' && a instanceof URL) return a.href === (b as URL).href; // same prototype
  if (a instanceof Number || a instanceof String || a instanceof Boolean) return Object.is(a.valueOf(), (b as Number).valueOf()); // boxed, same prototype
  if (Array.isArray(a)) return a.length === (b as unknown[]).length; // elements are compared as keys
  if (a instanceof ArrayBuffer) return bytesEqual(new Uint8Array(a), new Uint8Array(b as ArrayBuffer)); // same prototype
  if (ArrayBuffer.isView(a)) {
    const v = b as ArrayBufferView; // same prototype
    return bytesEqual(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  if (a instanceof Map) return mapsEqual(a, b as Map<unknown, unknown>, memo); // same prototype
  if (a instanceof Set) return setsEqual(a, b as Set<unknown>, memo); // same prototype
  return true;
}

function ownKeys(o: object): PropertyKey[] {
  const keys: PropertyKey[] = Object.keys(o);
  return keys.concat(Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s)));
}

function sameKeys(a: object, b: object, memo: Memo): boolean {
  // Binary views hold their bytes as index keys, compared above already.
  if (ArrayBuffer.isView(a)) return true;
  const ka = ownKeys(a);
  const kb = ownKeys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<PropertyKey, unknown>; // reading own enumerable keys
  const rb = b as Record<PropertyKey, unknown>;
  return ka.every((k) => Object.prototype.propertyIsEnumerable.call(b, k) && equal(ra[k], rb[k], memo));
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function mapsEqual(a: Map<unknown, unknown>, b: Map<unknown, unknown>, memo: Memo): boolean {
  if (a.size !== b.size) return false;
  const unmatched = [...b.keys()].filter((k) => typeof k === 'object' && k !== null && !a.has(k));
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!equal(value, b.get(key), memo)) return false;
      continue;
    }
    // An object key equal to one of b's by content, not by reference.
    const i = unmatched.findIndex((k) => equal(key, k, memo) && equal(value, b.get(k), memo));
    if (i < 0) return false;
    unmatched.splice(i, 1);
  }
  return true;
}

function setsEqual(a: Set<unknown>, b: Set<unknown>, memo: Memo): boolean {
  if (a.size !== b.size) return false;
  const unmatched = [...b].filter((v) => typeof v === 'object' && v !== null && !a.has(v));
  for (const value of a) {
    if (b.has(value)) continue;
    const i = unmatched.findIndex((v) => equal(value, v, memo));
    if (i < 0) return false;
    unmatched.splice(i, 1);
  }
  return true;
}
