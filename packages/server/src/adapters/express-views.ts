import type { Request as ExpressRequest } from 'express';
import type { ResponseFinisher } from './response-finisher.js';

/** Marks a request prototype whose `shellac` reads the view of the request's response. */
const VIEWS = Symbol('shellac.views');

type MarkedRequest = ExpressRequest & { [VIEWS]?: true };

/**
 * `req.shellac` as a getter on the request's prototype (Express's per-application `app.request`,
 * which a mounted sub-application's inherits), not a property set on each request: a property
 * added to a Node request costs about 1.2 KB of allocation a request (see response-finisher.ts).
 * Assigning `req.shellac` still works: it becomes the request's own property. Done once per
 * prototype: a request whose prototype already has it returns at once.
 */
export function giveViews(req: ExpressRequest, finisher: ResponseFinisher): void {
  if ((req as MarkedRequest)[VIEWS]) return; // read through the chain; the marker is ours alone
  const proto = Object.getPrototypeOf(req) as object; // a request always has one (app.request)
  Object.defineProperty(proto, 'shellac', {
    configurable: true,
    get(this: ExpressRequest) {
      return this.res && finisher.viewOf(this.res);
    },
    set(this: ExpressRequest, value: unknown) {
      Object.defineProperty(this, 'shellac', { value, writable: true, enumerable: true, configurable: true });
    },
  });
  Object.defineProperty(proto, VIEWS, { value: true });
}
