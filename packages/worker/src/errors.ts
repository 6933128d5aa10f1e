/** Codes of {@link ShellacWorkerError}, one per way the runtime can refuse or fail (docs/errors.md explains each). */
export type WorkerErrorCode =
  | 'bad-manifest'
  | 'precache-failed'
  | 'cache-miss'
  | 'unknown-strategy'
  | 'bad-pattern'
  | 'bad-message';

/**
 * The base error of `@shellac/worker`: a typed `code` and structured `details` (the URL, route or
 * files concerned). The message is generated from both, so every byte of explanation that would
 * ship to browsers lives in docs/errors.md instead, keyed by code.
 */
export class ShellacWorkerError extends Error {
  readonly code: WorkerErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: WorkerErrorCode, details: Record<string, unknown>) {
    super(`shellac ${code} ${JSON.stringify(details)}`);
    this.name = 'ShellacWorkerError';
    this.code = code;
    this.details = details;
  }
}
