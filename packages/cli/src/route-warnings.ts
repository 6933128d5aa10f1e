import { compilePathPattern, type RouteConfig } from '@shellac/protocol';
import { CONFIG_FILE } from './build-config.js';
import { urlOf } from './site-url.js';

/**
 * Warnings about routes that cannot work as written: a route matching precached files (the
 * precache answers those first, so the route never sees them), and a `perUser` route while
 * identity is off (its cache is then one shared cache).
 */
export function routeWarnings(routes: RouteConfig[], precached: Iterable<string>, identity: boolean): string[] {
  const scopeUrl = new URL('http://site.invalid/');
  const paths = [...precached].map((rel) => ({ rel, path: new URL(urlOf(rel), scopeUrl).pathname }));
  const warnings: string[] = [];
  routes.forEach((route, i) => {
    const name = `routes[${i}] ("${route.match}")`;
    const target = new URL(route.match, scopeUrl);
    // A pattern on another origin (a CDN) never sees the site's own files.
    const { regex } = compilePathPattern(target.pathname);
    const shadowed = target.origin === scopeUrl.origin ? paths.filter((p) => regex.test(p.path)) : [];
    if (shadowed.length) {
      warnings.push(`${name} matches ${shadowed.length} precached file(s), e.g. ${shadowed[0]!.rel}: the precache answers those first, so this route never sees them. Add them to "precacheIgnore" to route them.`);
    }
    if (route.perUser && !identity) {
      warnings.push(`${name} has "perUser": true, but identity is off: its cache is shared by everyone who uses this browser, is kept when another person signs in, and never stores Cache-Control: private responses. Turn identity on with "identity": {} in ${CONFIG_FILE} (or build with --app).`);
    }
  });
  return warnings;
}
