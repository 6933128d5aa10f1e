import type { SaveFailure, SaveProgressMessage } from '@shellac/protocol';

/** A byte count for people: `512 B`, `1.5 kB`, `12 MB`, `1.2 GB` (decimal units, as storage is sold). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) (value /= 1000), unit++;
  return `${unit && value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** How far a save is, as a count: files for the worker's own fetches, bytes for Background Fetch. */
export interface ProgressMeasure {
  done: number;
  /** 0 when unknown (then only `done` means something). */
  total: number;
  unit: 'files' | 'bytes';
}

/**
 * Measures a save's progress. The worker counts files as they arrive (a file's size is known only
 * once it did); Background Fetch counts bytes, and files only at the end.
 */
export function measureProgress(progress: Pick<SaveProgressMessage, 'files' | 'bytes'>): ProgressMeasure {
  const { files, bytes } = progress;
  if (files.done > 0 || bytes.done === 0) return { ...files, unit: 'files' };
  return { done: bytes.done, total: bytes.total >= bytes.done ? bytes.total : 0, unit: 'bytes' };
}

/** How far a save is, in a few words: `Saving… 2 of 5 files`, `Saving… 40%`, `Saving… 1.2 MB`. */
export function describeProgress(progress: Pick<SaveProgressMessage, 'files' | 'bytes'>): string {
  const { done, total, unit } = measureProgress(progress);
  if (unit === 'files') return done > 0 && total > 1 ? `Saving… ${done} of ${total} files` : 'Saving…';
  return total > 0 ? `Saving… ${Math.floor((done / total) * 100)}%` : `Saving… ${formatBytes(done)}`;
}

/** Why a save failed, short enough to show beside a button, saying what helps. */
export function describeFailure(failure: Pick<SaveFailure, 'code' | 'status' | 'needed' | 'available'>): string {
  switch (failure.code) {
    case 'quota':
      return `Not saved: not enough space on this device${failure.needed ? ` (${failure.available === undefined ? `${formatBytes(failure.needed)} needed` : `${formatBytes(failure.needed - failure.available)} more needed`})` : ''}. Remove saved pages to make room.`;
    case 'http':
      return `Not saved: a file of this page is missing${failure.status ? ` (error ${failure.status})` : ''}. Try again later.`;
    case 'network':
      return 'Not saved: the connection was lost. Try again when you are online.';
    case 'cancelled':
      return 'Not saved: the save was cancelled.';
    case 'bad-url':
      return 'Not saved: this is not a page of this site.';
    case 'user-changed':
      return 'Not saved: you signed in or out while saving. Try again.';
  }
}
