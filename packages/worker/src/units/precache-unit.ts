import type { Unit } from '../core/unit.js';
import type { Precache } from '../precache/precache.js';
import type { Handler } from '../routing/route-context.js';

export interface PrecacheUnitOptions {
  precache: Precache;
  /** The ids of every open page (pages still on an older version keep its files). */
  clients(): Promise<string[]>;
  /** The precache's cache name, for the browser's static routes (`addRoutes`). */
  cacheName: string;
}

/** What `InstallEvent.addRoutes` takes (Chromium 123+; TypeScript's lib does not know it yet). */
type RouterRule = { condition: { or: { urlPattern: { pathname: string } }[] }; source: { cacheName: string } };
type InstallEventWithRoutes = ExtendableEvent & { addRoutes?(rules: RouterRule[]): Promise<void> };

/**
 * This version's files: answered from the precache in the version of the page that asks, and put
 * back from the network when the browser evicted one. A navigation pins its new page to this
 * version; older versions go once no open page uses them.
 */
export function precacheUnit(options: PrecacheUnitOptions): Unit {
  const { precache } = options;
  // A navigation makes a new page (pinned on arrival); any other request comes from its page.
  const clientOf = (request: Request, ids: (string | undefined)[]) => (request.mode === 'navigate' ? ids[1] : ids[0]);
  const fromPrecache: Handler = async (ctx) => {
    const client = clientOf(ctx.request, ctx.clientIds);
    const hit = await precache.match(ctx.url, client);
    if (hit) return hit;
    // Missing (evicted, deleted in DevTools): the network answers, and the file goes back, checked.
    const response = await fetch(ctx.request);
    ctx.waitUntil(precache.restore(ctx.url, response.clone(), client).catch(() => {}));
    return response;
  };
  return {
    route: (request, url, env) => (request.method === 'GET' && precache.has(url, clientOf(request, [env?.clientId, env?.resultingClientId])) ? { name: 'precache', handler: fromPrecache } : undefined),
    arrive(request, _url, env) {
      if (request.mode !== 'navigate') return;
      const client = env.resultingClientId;
      if (client) env.waitUntil(precache.pin(client));
      // While a page is on an older version, a navigation looks whether its last page closed (the
      // new page counts as open: it is not among the clients yet).
      if (Object.values(precache.pins()).some((v) => v !== precache.version)) env.waitUntil(options.clients().then((live) => precache.prune(client ? [...live, client] : live, true)));
    },
    ready: () => precache.ready(),
    async install(event) {
      await precache.install();
      // Hashed files can never change: the browser may answer them from the cache without
      // waking the worker (the Static Routing API). Unknown conditions are ignored silently, so
      // the API is feature-detected, and a browser without it goes through the fetch handler.
      const add = (event as InstallEventWithRoutes | undefined)?.addRoutes;
      const paths = precache.routed().map((pathname) => ({ urlPattern: { pathname } }));
      if (!add || !paths.length) return;
      const rules: RouterRule[] = [];
      for (let i = 0; i < paths.length; i += 200) rules.push({ condition: { or: paths.slice(i, i + 200) }, source: { cacheName: options.cacheName } });
      await add.call(event, rules).catch(() => {});
    },
    activate: async () => precache.prune(await options.clients()),
    keeps: (cache) => cache.kind === 'precache',
    reset: () => precache.reset(),
    state: async () => {
      await precache.ready();
      // Pins of closed pages stay until the next look: the state page names open pages only.
      const live = await options.clients();
      return { tabs: Object.fromEntries(Object.entries(precache.pins()).filter(([client]) => live.includes(client))) };
    },
  };
}
