/** Which responses a cache may keep. */
export interface CacheableOptions {
  /** Statuses worth keeping; default `[200]`. */
  statuses?: number[];
  /** Keep opaque (no-CORS cross-origin) responses. Off by default: their status is hidden, so an error page could be kept. */
  opaque?: boolean;
  /**
   * Keep `Cache-Control: private` responses. Off by default: they are meant for one person, and
   * a shared cache would show them to the next person on this browser.
   */
  private?: boolean;
}

/** Decides whether a response may be cached. */
export type Cacheable = (response: Response) => boolean;

/**
 * By default only 200 responses of type basic (same-origin) or cors are kept, and not
 * `Cache-Control: private` ones; `no-store` is never kept, whatever the options, because the
 * server said so.
 */
export function cacheable(options: CacheableOptions = {}): Cacheable {
  const statuses = options.statuses ?? [200];
  return function isCacheable(response) {
    const control = response.headers.get('Cache-Control') ?? '';
    if (/(^|,)\s*no-store\b/i.test(control) || (!options.private && /(^|,)\s*private\b/i.test(control))) return false;
    if (response.type === 'opaque') return !!options.opaque;
    // A 206 is a part of a file, never the file, whatever `statuses` says.
    return (response.type === 'basic' || response.type === 'cors' || response.type === 'default') && response.status !== 206 && statuses.includes(response.status);
  };
}
