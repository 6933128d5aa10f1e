import type { SaveErrorCode } from '@shellac/protocol';

/**
 * Codes of {@link ShellacClientError}: `clear-failed`; `no-worker` and `worker-failed` for any
 * request to the worker; and, for a save, one code per `SaveErrorCode` of the protocol.
 */
export type ClientErrorCode = 'clear-failed' | 'no-worker' | 'worker-failed' | SaveErrorCode;

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
