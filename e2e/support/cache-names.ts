import type { Page } from '@playwright/test';
import { parseCacheName, type CacheKind, type CacheNameParts } from '@shellac/protocol';

/**
 * Which caches: those of `kind` and `name` (no name: the kind's own cache) that are nobody's own,
 * or those whose parts pass a test. Names are read with the protocol's parser, never by a
 * substring: a scope may itself hold `:` or `~`.
 */
export type CacheMatch = { kind: CacheKind; name?: string } | ((parts: CacheNameParts) => boolean);

const test = (match: CacheMatch) =>
  typeof match === 'function' ? match : (parts: CacheNameParts) => parts.kind === match.kind && parts.name === match.name && parts.owner === undefined;

/** The names of the page's Shellac caches, of any scope, that `match` picks. */
export async function cacheNamesOf(page: Page, match: CacheMatch): Promise<string[]> {
  const picks = test(match);
  return (await page.evaluate(() => caches.keys())).filter((full) => {
    const parts = parseCacheName(full);
    return parts !== undefined && picks(parts);
  });
}

/** The name of the one cache `match` picks; throws, naming those found, when there is none or more. */
export async function cacheNamed(page: Page, match: CacheMatch): Promise<string> {
  const names = await cacheNamesOf(page, match);
  if (names.length !== 1) throw new Error(`expected one cache for ${typeof match === 'function' ? 'the test' : JSON.stringify(match)}, found ${JSON.stringify(names)}`);
  return names[0]!;
}

/** Every stored request's URL in the named caches, with the `X-Shellac-Content` header of its response. */
export function contentKinds(page: Page, names: string[]): Promise<[string, string | null][]> {
  return page.evaluate(async (names) => {
    const out: [string, string | null][] = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) out.push([request.url, (await cache.match(request))!.headers.get('X-Shellac-Content')]);
    }
    return out;
  }, names);
}
