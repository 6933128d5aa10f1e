import { compilePathPattern } from '@shellac/protocol';
import { ShellacWorkerError } from '../errors.js';

/** What a route can match a URL with: a path pattern, a RegExp, or a function. */
export type UrlMatcher = string | RegExp | ((url: URL, request: Request) => boolean);

/** Parameters captured by a path pattern (`:id` → `params.id`, `*` → `params['*']`). */
export type Params = Record<string, string>;

/**
 * Compiles a matcher into a function returning captured params, or undefined for no match.
 *
 * - A string is a path pattern, relative to the scope unless it starts with `/`: `lessons/:id`,
 *   `api/*`. It matches the path only, on the scope's origin; a full URL
 *   (`https://cdn.example.com/*`) matches on that URL's origin instead.
 * - A RegExp is tested against the full URL. For a cross-origin URL it must match from the first
 *   character, so a loose `/\.png$/` never captures other sites by surprise (Workbox's rule too).
 * - A function decides alone.
 */
export function compileMatcher(matcher: UrlMatcher, scope: URL): (url: URL, request: Request) => Params | undefined {
  if (typeof matcher === 'function') return (url, request) => (matcher(url, request) ? {} : undefined);
  if (matcher instanceof RegExp) {
    return (url) => {
      const m = matcher.exec(url.href);
      if (!m || (url.origin !== scope.origin && m.index !== 0)) return undefined;
      return { ...m.groups };
    };
  }
  const base = new URL(matcher, scope);
  const path = base.pathname;
  let re: RegExp;
  let names: string[];
  try {
    ({ regex: re, names } = compilePathPattern(path));
  } catch {
    throw new ShellacWorkerError('bad-pattern', { pattern: matcher });
  }
  return (url) => {
    if (url.origin !== base.origin) return undefined;
    const m = re.exec(url.pathname);
    if (!m) return undefined;
    const params: Params = {};
    names.forEach((n, i) => {
      const raw = m[i + 1] ?? '';
      // A malformed escape (`%E0%A4%A`) must not throw inside the fetch listener: keep it raw.
      try {
        params[n] = decodeURIComponent(raw);
      } catch {
        params[n] = raw;
      }
    });
    return params;
  };
}
