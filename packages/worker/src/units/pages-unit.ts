import { CONTENT_HEADER, MESSAGE } from '@shellac/protocol';
import type { Cacheable } from '../caches/cacheable.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { FetchEnv, Observe, Unit } from '../core/unit.js';
import { ShellacWorkerError } from '../errors.js';
import type { Handler } from '../routing/route-context.js';
import { networkFirst } from '../strategies/network-first.js';
import { networkOnly } from '../strategies/network-only.js';

export interface PagesUnitOptions {
  /** The cumulative pages cache (one person's, with identity); undefined: pages come from the network alone. */
  cache: RuntimeCache | undefined;
  /** Which responses may be kept (identity widens it to tagged private pages). */
  cacheable: Cacheable;
  /** How long a navigation waits for the network before the cached copy. */
  timeoutSeconds: number;
  scope: URL;
  /** URLs the pages cache never keeps (precached files answer them). */
  skip(url: URL): boolean | undefined;
  /** Where a page is kept: under the app shell, its content URL; undefined: its own URL. */
  keyFor?: ((url: URL) => URL | undefined) | undefined;
  /** The observer of network responses (identity). */
  watch?: ((env: Pick<FetchEnv, 'clientId' | 'resultingClientId'>) => Observe) | undefined;
}

/** The pages cache unit, and its handler (the app shell falls back to it). */
export interface PagesUnit extends Unit {
  /** Network-first into the pages cache, for a full page. */
  readonly handler: Handler;
}

/**
 * The cumulative pages cache: every navigation goes network-first (with a timeout) and the page is
 * kept, so pages people visited work offline. Full pages and content-only responses never share a
 * key: this cache refuses content responses under page URLs, the app shell keeps content under
 * content URLs.
 */
export function pagesUnit(options: PagesUnitOptions): PagesUnit {
  const { cache, cacheable, scope, skip, keyFor, watch } = options;
  const isPage: Cacheable = (r) => cacheable(r) && !r.headers.has(CONTENT_HEADER);
  const handler: Handler = cache ? networkFirst({ cache, cacheable: isPage, networkTimeoutSeconds: options.timeoutSeconds }) : networkOnly();

  // Pages loaded before the worker controlled them are fetched again and kept, so the first page
  // someone saw also works offline. Under the app shell, what is kept is the page's content.
  const keep = async (cache: RuntimeCache, url: URL) => {
    if (!url.href.startsWith(scope.href) || skip(url)) return;
    const content = keyFor?.(url);
    const target = content ?? url;
    const observe = watch?.({});
    const response = await fetch(target).catch(() => undefined);
    if (!response) return;
    await observe?.(response);
    // Kept only when its kind (content or full page) matches the key's.
    if (cacheable(response) && !content === !response.headers.get(CONTENT_HEADER) && response.headers.get('Content-Type')?.includes('text/html')) {
      await cache.put(target.href, response);
    }
  };

  return {
    handler,
    route: (request) => (request.mode === 'navigate' ? { name: 'pages', handler } : undefined),
    messages: {
      [MESSAGE.cacheUrls]: async (message) => {
        const { urls } = message;
        if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string')) throw new ShellacWorkerError('bad-message', { type: MESSAGE.cacheUrls, field: 'urls' });
        if (cache) await Promise.all(urls.map((u: string) => keep(cache, new URL(u, scope))));
      },
    },
  };
}
