import type { RouteContext } from '../routing/route-context.js';
import type { Log } from './log.js';
import type { FetchEnv, Observe, Route, Unit } from './unit.js';

/**
 * The runtime as a web-standard function: a request (and what its event gives) in, a response out,
 * or undefined when the browser should handle the request as if there were no worker.
 */
export type Core = (request: Request, env: FetchEnv) => Promise<Response> | undefined;

export interface CoreOptions {
  /**
   * The units in order of precedence: a request goes to the first that routes it, and when the
   * answer fails, each unit that recovers is asked in this same order.
   */
  units: readonly Unit[];
  log: Log;
  /** Makes the observer of one request's network responses (identity's switch). */
  watch?: ((env: Pick<FetchEnv, 'clientId' | 'resultingClientId'>) => Observe) | undefined;
  /** The navigation preload asks for the content alone (app-shell mode). */
  contentPreload?: boolean;
}

/** The route of the first unit that routes the request (false: the browser's), or undefined when none does. */
function pick(units: readonly Unit[], request: Request, url: URL, env: FetchEnv): Route | false | undefined {
  for (const unit of units) {
    const route = unit.route?.(request, url, env);
    if (route !== undefined) return route;
  }
  return undefined;
}

/** The answer of the first unit that recovers from a failed handler, in the units' order; rejects with the last reason when none does. */
async function recover(units: readonly Unit[], ctx: RouteContext, error: unknown): Promise<Response> {
  for (const unit of units) {
    if (!unit.recover) continue;
    try {
      const answer = await unit.recover(ctx, error);
      if (answer) return answer;
    } catch (next) {
      error = next; // a recovery that fails hands its own reason on
    }
  }
  throw error;
}

/** Makes the core that a fetch listener (or a test) calls with each request. */
export function createCore(options: CoreOptions): Core {
  const { units, log, watch, contentPreload } = options;

  const answer = async (request: Request, url: URL, route: Route, env: FetchEnv): Promise<Response> => {
    const ctx: RouteContext = {
      request,
      url,
      params: route.params ?? {},
      preload: request.mode === 'navigate' && (!contentPreload || route.contentPreload) ? env.preload : undefined,
      waitUntil: env.waitUntil,
      log,
      observe: watch?.(env),
      clientIds: [env.clientId ?? '', env.resultingClientId ?? ''],
    };
    log(() => `${request.method} ${url.pathname}${url.search} → ${route.name}`);
    try {
      return await route.handler(ctx);
    } catch (error) {
      return recover(units, ctx, error);
    }
  };

  return function core(request, env) {
    const url = new URL(request.url);
    const arrive = () => units.forEach((unit) => unit.arrive?.(request, url, env));
    // An unused preload is cancelled with a console warning; waiting on it is the cure.
    if (request.mode === 'navigate' && env.preload) env.waitUntil(env.preload.catch(() => {}));
    const failed = (error: unknown) => (log(() => `${url.pathname}: ${error}`), Response.error());
    const waiting = units.map((unit) => unit.ready?.()).filter(Boolean);
    if (waiting.length) {
      // First requests after the worker started: what routes them is still loading, and so is
      // what units look at on arrival (a precache in safe mode, the last update check). The
      // answer is pending meanwhile, so their waitUntil still extends the event.
      return Promise.all(waiting)
        .then(() => {
          arrive();
          const route = pick(units, request, url, env);
          return route ? answer(request, url, route, env) : fetch(request);
        })
        .catch(failed);
    }
    arrive();
    const route = pick(units, request, url, env);
    return route ? answer(request, url, route, env).catch(failed) : undefined;
  };
}
