import { cacheScope } from '@shellac/protocol';

/**
 * Deletes the Shellac caches of a scope from the page itself (when no worker answers); resolves
 * with the names deleted. None where the browser has no caches (plain-HTTP pages other than
 * localhost).
 */
export async function clearScopeCaches(scope: string): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  const path = new URL(scope).pathname;
  const names = (await caches.keys()).filter((n) => cacheScope(n) === path);
  await Promise.all(names.map((n) => caches.delete(n)));
  return names;
}
