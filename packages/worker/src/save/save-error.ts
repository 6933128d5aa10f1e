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
