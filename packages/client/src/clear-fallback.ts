import { cacheScope, type ClearReply } from '@shellac/protocol';
import { ShellacClientError } from './errors.js';

/**
 * The rest of `clearOfflineData()` once the worker did not answer `ok`. Loaded only then: the
 * worker clears in every other case, so pages do not carry this code (in the script every page
 * loads, it would be a sixth of the bytes).
 *
 * `answer`: the worker's reply (with `error` when `ok` is false), or undefined when there was no
 * worker or it did not answer; `scope`: the registration's scope URL.
 */
export async function clearFallback(answer: (ClearReply & { error?: string }) | undefined, scope: string): Promise<string[]> {
  if (answer) throw new ShellacClientError('clear-failed', `the worker could not clear its caches: ${answer.error}`, { reply: answer });
  // No worker (or it did not answer): the page can reach the same caches itself, where the
  // browser has them (not on plain-HTTP pages other than localhost).
  if (typeof caches === 'undefined') return [];
  const path = new URL(scope).pathname;
  const names = (await caches.keys()).filter((n) => cacheScope(n) === path);
  await Promise.all(names.map((n) => caches.delete(n)));
  return names;
}
