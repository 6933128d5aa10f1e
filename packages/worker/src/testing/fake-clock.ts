/** A clock a test moves by hand. */
export interface FakeClock {
  /** For a `now` option: ms since the epoch, as `Date.now` gives. */
  now(): number;
  /** Lets `ms` pass at once. */
  advance(ms: number): void;
}

/** A clock that stands still until told otherwise: time-dependent code is tested without waiting. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}
