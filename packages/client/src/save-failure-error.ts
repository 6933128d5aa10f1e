import type { SaveFailure } from '@shellac/protocol';
import { formatBytes } from './describe-save.js';
import { ShellacClientError } from './errors.js';

/** What a failed save means for the developer, and what to do about it, by code. */
const WHY: { [K in SaveFailure['code']]: (f: SaveFailure) => string } = {
  http: (f) => `${f.file ?? f.url} answered HTTP ${f.status ?? '?'}; make sure the server serves it, then save again`,
  network: (f) => `the network failed while fetching ${f.file ?? f.url}; save again once online`,
  quota: (f) =>
    `not enough storage: ${f.needed ?? '?'} bytes (${formatBytes(f.needed ?? 0)}) needed${f.available === undefined ? '' : `, ${f.available} bytes (${formatBytes(f.available)}) available`}; remove saved items (unsave, clearSaved) or free space on the device`,
  cancelled: () => 'the save was cancelled',
  'bad-url': (f) => `${f.message}; only pages (HTML) of the worker's scope can be saved`,
  'user-changed': () => 'another person signed in or out while saving, so nothing was stored; save again',
};

/**
 * The typed error of one item that was not saved: `code` is the failure's, `details` the
 * failure itself (`url`, `file`, `status`, `needed`, `available`, `message`) plus `extra`.
 */
export function saveFailureError(failure: SaveFailure, extra: Record<string, unknown> = {}): ShellacClientError {
  return new ShellacClientError(failure.code, `could not save ${failure.url}: ${WHY[failure.code](failure)}`, { ...failure, ...extra });
}
