/** URL-pattern syntax in a path, taken literally. */
const escape = (path: string) => path.replace(/[:*?+(){}\\]/g, '\\$&');

/**
 * The pathnames (URL patterns) of a version the browser may answer from the precache without the
 * worker: the manifest's hashed folders whole (`/assets/*`), and every other file whose name
 * carries its hash on its own. Same-origin only.
 *
 * The browser tests a request against the patterns one by one, so a folder's one pattern is
 * cheaper than one per file. But the pattern takes every request under it, and a miss goes to the
 * network past the worker: the build's word that a folder holds hashed files alone is checked
 * against what the worker can see. The folder is within the scope (never the scope itself), and no
 * file of the version there is checked by hash (such a file may change: only the worker answers it).
 *
 * @param lookup - The version's entries: normalized URL → cache key (a hashed name is its own key).
 */
export function staticRoutePaths(lookup: Iterable<[string, string]>, hashedFolders: string[] = [], manifestUrl: URL, scope: URL): string[] {
  const own = [...lookup].filter(([url]) => url.startsWith(scope.origin + '/'));
  const path = (href: string) => escape(new URL(href).pathname);
  const folders = hashedFolders
    .map((f) => new URL(f, manifestUrl).href)
    .filter((f) => f.startsWith(scope.href) && f !== scope.href && /^[^?#]*\/$/.test(f) && !own.some(([url, key]) => url !== key && url.startsWith(f)));
  const files = own.filter(([url, key]) => url === key && !folders.some((f) => url.startsWith(f)));
  return [...folders.map((f) => `${path(f)}*`), ...files.map(([url]) => path(url))];
}
