import type { FetchEnv } from '../core/unit.js';
import { background } from './background.js';

/** A fetch event's part of a request (see the core's `FetchEnv`), with its background work to wait on. */
export function fetchEnv(options: Omit<FetchEnv, 'waitUntil'> = {}): { env: FetchEnv; settled(): Promise<void> } {
  const work = background();
  return { env: { ...options, waitUntil: work.waitUntil }, settled: work.settled };
}
