/** What a fetch event's `waitUntil` collects, for a test to wait on. */
export interface Background {
  waitUntil(promise: Promise<unknown>): void;
  /** Resolves once every promise handed to `waitUntil` settled, those added meanwhile included. */
  settled(): Promise<void>;
}

/** Collects the work a handler leaves running after its answer (a cache write, a refresh). */
export function background(): Background {
  const work: Promise<unknown>[] = [];
  return {
    waitUntil: (promise) => void work.push(promise),
    async settled() {
      for (let seen = 0; seen < work.length; ) {
        const batch = work.slice(seen);
        seen = work.length;
        await Promise.allSettled(batch);
      }
    },
  };
}
