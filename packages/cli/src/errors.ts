/** Codes of {@link ShellacCliError}; `problems` holds several errors found at once. */
export type CliErrorCode = 'usage' | 'config' | 'site' | 'file-too-large' | 'io' | 'bundle' | 'problems' | 'worker-app';

/**
 * The base error of `@shellac/cli`: a typed `code`, structured `details` (file, key, value), and a
 * message that says what to do. The command prints the message and exits with code 1.
 */
export class ShellacCliError extends Error {
  readonly code: CliErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: CliErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ShellacCliError';
    this.code = code;
    this.details = details;
  }
}
