import { APPSHELL_PARAM, HEADER, MESSAGE, type SyncReply, type WorkerAppConfig } from '@shellac/protocol';
import { layeredCache } from '../caches/layered-cache.js';
import type { RuntimeCache } from '../caches/runtime-cache.js';
import type { Owner } from '../caches/user-cache.js';
import type { Log } from '../core/log.js';
import type { Observe, Unit } from '../core/unit.js';
import type { WorkerServices } from '../core/worker-services.js';
import { createDataSync, type DataReader } from './data-sync.js';
import { renderFirst, type RenderFirstOptions } from './render-first.js';

/** What the app gets beside the request when it renders in the worker. */
export interface WorkerAppEnv {
  /** Its synced data. */
  data: DataReader;
  /** True when a URL is stored on this device (a saved or visited lesson's audio, say). */
  cached(url: string): Promise<boolean>;
}

/** An app the worker can run: a Hono app (anything with `fetch`), or a function. */
export type WorkerAppHandler = { fetch(request: Request, env: WorkerAppEnv): Response | Promise<Response> } | ((request: Request, env: WorkerAppEnv) => Response | Promise<Response>);

/** Options of {@link createWorkerApp}: the app, and what the config says of it. */
export interface WorkerAppOptions extends WorkerAppConfig {
  app: WorkerAppHandler;
}

/** What the runtime lends the app unit. */
export interface WorkerAppUnitEnv {
  scope: URL;
  owner?: Owner | undefined;
  observe?: (() => Observe) | undefined;
  now: () => number;
  log: Log;
  /** Stores the server's answer where the network-first route would have (the pages cache). */
  keep(request: Request, response: Response): Promise<void>;
  broadcast(message: object): Promise<void>;
}

/** The app unit: it renders pages and content when the server cannot answer. */
export interface WorkerApp extends Unit {
  /** Pages read through to the app: the pages cache, then the app's render. */
  layer(cache: RuntimeCache | undefined, after?: (url: string) => Promise<Response | undefined>): RuntimeCache;
}

/** The app inside the worker for `createShellac({ app })`: started by the runtime with what it lends. */
export interface WorkerAppFeature {
  start(env: WorkerAppUnitEnv): WorkerApp;
  /** Starts it from the runtime's services and its pages cache (here, so a runtime without an app carries none of this). */
  from(services: WorkerServices, kept: RuntimeCache | undefined): WorkerApp;
}

type Call = (request: Request, env: WorkerAppEnv) => Response | Promise<Response>;

/** What the runtime's services and its pages cache lend the app unit. */
function appEnvOf(services: WorkerServices, kept: RuntimeCache | undefined): WorkerAppUnitEnv {
  const { identity } = services;
  return {
    scope: services.scope,
    owner: identity,
    observe: identity && (() => identity.watch({})),
    now: services.now,
    log: services.log,
    // Only what the pages cache would keep from the network: never a full page or no-store.
    keep: async (request, response) => void (services.cacheable(response) && (await kept?.put(request, response))),
    broadcast: services.broadcast,
  };
}

/** The app's render of a request, marked `X-Shellac-Rendered: worker`; a render the app declines (a 404, an error) is no answer: the next fallback is tried. */
function renderWith(call: Call, appEnv: WorkerAppEnv, log: Log): (request: Request) => Promise<Response | undefined> {
  return async (request) => {
    const response = await Promise.resolve(call(new Request(request.url, { headers: request.headers }), appEnv)).catch((error: unknown) => void log(() => `app render failed: ${error}`));
    if (!response?.ok) return undefined;
    const headers = new Headers(response.headers);
    headers.set(HEADER.rendered, 'worker');
    log(() => `${new URL(request.url).pathname} rendered in the worker`);
    return new Response(response.body, { status: response.status, headers });
  };
}

/** `WorkerAppFeature.start`: the app unit over what the runtime lends; `every` is the sync period in ms. */
function startWorkerApp(options: WorkerAppOptions, call: Call, every: number, env: WorkerAppUnitEnv): WorkerApp {
  const { owner, log } = env;
  const data = createDataSync({ scope: env.scope, sources: options.data ?? [], owner, observe: env.observe, now: env.now, log });
  const appEnv: WorkerAppEnv = { data, cached: async (url) => !!(await caches.match(new URL(url, env.scope).href)) };
  let last: number | undefined;
  // Whose data the last sync was for: another person's first navigation syncs theirs at once.
  let syncedFor: string | undefined;
  // One sync at a time: quick navigations share it.
  let syncing: Promise<string[]> | undefined;
  const sync = () => {
    if (syncing) return syncing;
    last = env.now();
    syncedFor = owner?.current;
    syncing = data.sync().then(
      (changed) => ((syncedFor = owner?.current), changed),
      (error) => (log(() => `data sync failed, the last good data stays: ${error}`), []),
    );
    return syncing.finally(() => (syncing = undefined));
  };
  const render = renderWith(call, appEnv, log);
  // In an app shell, content requests are the navigations between pages.
  const isContent = (url: URL) => url.searchParams.get(APPSHELL_PARAM) === '1';
  const inScope = (request: Request, url: URL) => request.method === 'GET' && url.href.startsWith(env.scope.href) && (request.mode === 'navigate' || isContent(url));
  let copies: RenderFirstOptions['fallback'] = async () => undefined;
  const first = renderFirst({ render, fallback: (request) => copies(request), keep: env.keep, broadcast: env.broadcast });
  return {
    layer(cache, after) {
      copies = async (request) => (await cache?.match(request)) ?? after?.(request.url);
      return layeredCache(cache, async (request) => (typeof request === 'string' ? undefined : await render(request)) ?? after?.(typeof request === 'string' ? request : request.url));
    },
    route: (request, url) => (options.renderFirst && inScope(request, url) && isContent(url) ? { name: 'app (render first)', handler: first } : undefined),
    arrive(request, url, fetchEnv) {
      if (inScope(request, url) && (env.now() - (last ?? 0) >= every || owner?.current !== syncedFor)) fetchEnv.waitUntil(sync());
    },
    install: () => sync(),
    keeps: (cache) => cache.kind === 'data',
    messages: {
      [MESSAGE.sync]: async (): Promise<SyncReply> => ({ ok: true, synced: await data.sync() }),
    },
  };
}

/**
 * The app inside the worker: the site's own routes and templates render offline, from data the
 * worker keeps in sync, for every page the data covers, visited or not. The server stays
 * authoritative: the network first, then the server's answer kept from the last visit, then the
 * app's render (marked `X-Shellac-Rendered: worker`), then a saved copy, then the offline page.
 * With `renderFirst`, the render answers at once and the server's answer replaces it behind.
 */
export function createWorkerApp(options: WorkerAppOptions): WorkerAppFeature {
  const call: Call = typeof options.app === 'function' ? options.app : options.app.fetch.bind(options.app);
  const every = (options.syncSeconds ?? 600) * 1000;
  const feature: WorkerAppFeature = {
    from: (services, kept) => feature.start(appEnvOf(services, kept)),
    start: (env) => startWorkerApp(options, call, every, env),
  };
  return feature;
}
