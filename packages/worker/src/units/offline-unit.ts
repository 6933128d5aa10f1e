import type { Log } from '../core/log.js';
import type { Unit } from '../core/unit.js';
import type { Precache } from '../precache/precache.js';
import { networkOnly } from '../strategies/network-only.js';

export interface OfflineUnitOptions {
  precache: Precache;
  /** The precached page a failed navigation gets. */
  offlinePage?: URL | undefined;
  /** The precached image a failed image request gets. */
  offlineImage?: URL | undefined;
  log: Log;
}

/**
 * The last resort: a failed navigation gets the offline page, a failed image the offline image,
 * never the browser's error. With an offline image, images go to the network through the worker,
 * so that their failures reach it.
 */
export function offlineUnit(options: OfflineUnitOptions): Unit {
  const { precache, offlinePage, offlineImage, log } = options;
  const network = networkOnly();
  return {
    route: (request) => (offlineImage && request.destination === 'image' ? { name: 'image', handler: network } : undefined),
    async recover(ctx, error) {
      const url = ctx.request.mode === 'navigate' ? offlinePage : ctx.request.destination === 'image' ? offlineImage : undefined;
      const response = url && (await precache.match(url));
      log(() => `${ctx.url.pathname} failed (${error}) → ${response ? url : 'error'}`);
      if (!response || url !== offlinePage) return response;
      // The offline page answers at the URL that failed (say /guide/a/b.html), so its relative
      // links would resolve from the wrong folder; a <base> points them back at its real place.
      const html = await response.text();
      return new Response(/<base\b/i.test(html) ? html : html.replace(/<head[^>]*>/i, `$&<base href="${url.href}">`), response);
    },
  };
}
