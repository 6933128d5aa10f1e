/** Codes of {@link ShellacClientError}. */
export type ClientErrorCode = 'clear-failed';

/** The base error of `@shellac/client`: a typed `code` and structured `details`. */
export class ShellacClientError extends Error {
  readonly code: ClientErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ClientErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(`shellac: ${message}`);
    this.name = 'ShellacClientError';
    this.code = code;
    this.details = details;
  }
}
