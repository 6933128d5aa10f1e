import type { SaveErrorCode, SaveFailure } from '@shellac/protocol';

/** A save that cannot go on: its {@link SaveFailure}, thrown inside the saved unit and replied to the page. */
export class SaveError extends Error {
  readonly failure: SaveFailure;
  constructor(code: SaveErrorCode, url: string, message: string, extra: Partial<SaveFailure> = {}) {
    super(message);
    this.failure = { code, url, message, ...extra };
  }
}
