import type { SerializedError } from './serialize-error.js';

export type Status = 'pass' | 'fail' | 'skip' | 'todo';

/** What the harness sends the runner, one event at a time and in order. */
export type UnitEvent =
  | { type: 'start'; name: string }
  | { type: 'test'; name: string; status: Status; duration: number; reason?: string; error?: SerializedError; diagnostics: string[] }
  | { type: 'done'; duration: number };

/** Sends events in order without holding the tests up; the promise settles once this one is sent. */
export type Report = (event: UnitEvent) => Promise<unknown>;
