/** Codes of {@link ShellacServerError}. */
export type ServerErrorCode =
  /** `createShellacServer` was given options it cannot work with. */
  | 'options'
  /** `shellac-assets.json` is missing or not what `shellac build --app` writes. */
  | 'no-build'
  /** `asset(name)` was asked for a file the build did not hash. */
  | 'unknown-asset'
  /** A user tag was asked for an id that is not a string, a number, null or undefined. */
  | 'user-id'
  /** The `shell` option returned something other than a string or a Response. */
  | 'shell'
  /** `rangeResponse` was given an `etag` or `lastModified` it cannot send. */
  | 'validator';

/**
 * The one error `@shellac/server` throws: a typed `code`, structured `details` (file, name, value)
 * for logs and tests, and a message that says what to do, since it usually surfaces in a
 * developer's browser as a 500 page.
 */
export class ShellacServerError extends Error {
  readonly code: ServerErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ServerErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ShellacServerError';
    this.code = code;
    this.details = details;
  }
}
