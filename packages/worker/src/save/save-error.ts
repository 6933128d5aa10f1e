import type { SaveErrorCode, SaveFailure } from '@shellac/protocol';

/** A save that cannot go on: its {@link SaveFailure}, thrown inside the saved unit and replied to the page. */
export class SaveError extends Error {
  readonly failure: SaveFailure;
  constructor(code: SaveErrorCode, url: string, message: string, extra: Partial<SaveFailure> = {}) {
    super(message);
    this.failure = { code, url, message, ...extra };
  }
}

/**
 * How a cancelled save ends, whatever failed once it was cancelled (a fetch or body read the
 * cancel aborted, a commit it stopped): the cancel is the cause.
 */
export const cancelledSave = (url: string): SaveFailure => ({ code: 'cancelled', url, message: 'the save was cancelled' });

/** The failure an error ends an item's save with: its own when it is a {@link SaveError}, else a network one. */
export const saveFailure = (url: string, error: unknown): SaveFailure => (error instanceof SaveError ? error.failure : { code: 'network', url, message: String(error) });

/**
 * What a fetch or body read of one of an item's files throws when it fails, before the answer or
 * while the body is read (a connection lost mid-file). One caused by a cancel is told as the
 * cancel by the save.
 */
export const networkFailure = (item: string, file: string) => (error: unknown): never => {
  throw new SaveError('network', item, `${file}: ${error}`, { file });
};
