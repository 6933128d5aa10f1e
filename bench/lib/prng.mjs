// The seeded randomness every generated site is made from: same seed, same bytes, on every
// machine (nothing reads the clock or Math.random).

/** mulberry32: a small, fast, seedable 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  /** Standard normal (Box-Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, int, pick, normal };
}

/** `n` pseudo-random bytes (incompressible, like PNG/JPEG payloads). */
export function randomBytes(rand, n) {
  const words = new Uint32Array(Math.ceil(n / 4));
  for (let i = 0; i < words.length; i++) words[i] = (rand.next() * 4294967296) >>> 0;
  return Buffer.from(words.buffer, 0, n);
}
