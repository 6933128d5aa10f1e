import type { RouteConfig } from './config.js';

/**
 * The runtime cache a route gets when it names none: made from its pattern, so reordering routes
 * keeps their caches (`/lessons/:id/clip.wav` → `lessons-id-clip-wav`).
 */
export function routeCacheName(route: Pick<RouteConfig, 'match' | 'cacheName'>): string {
  return route.cacheName ?? (route.match.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64) || 'root');
}
