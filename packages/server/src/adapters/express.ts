import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { RequestLike } from '@shellac/protocol';
import type { ShellacServer } from '../shellac-server.js';
import type { ShellacView } from '../shellac-view.js';
import { giveViews } from './express-views.js';
import { createResponseFinisher } from './response-finisher.js';
import { requestLike, sendWebResponse, toWebRequest } from './node-bridge.js';

declare global {
  // Express's documented way to type what middleware adds to `req` and `res.locals`.
  namespace Express {
    interface Request {
      /** Shellac's view helpers for this request (set by `shellacExpress`). */
      shellac: ShellacView;
    }
    interface Locals {
      /** The same helpers, for templates rendered with `res.render`. */
      shellac: ShellacView;
    }
  }
}

/**
 * Express 5 middleware: answers Shellac's own URLs, gives every other request `req.shellac` and
 * `res.locals.shellac` (`contentOnly`, `layout`, `asset`), and adds the protocol's headers to HTML
 * responses just before they are sent. Mount it before your routes and static middleware.
 *
 * ```ts
 * app.use(shellacExpress(shellac));
 * app.get('/lesson/:id', (req, res) => res.render(req.shellac.layout('lesson', 'lesson-content')));
 * ```
 */
export function shellacExpress(shellac: ShellacServer): (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void {
  const finisher = createResponseFinisher();
  // The application's own pages pass synchronously: an async middleware would cost every request
  // a promise that Express then has to watch.
  const prepare = (req: ExpressRequest, res: ExpressResponse, light: RequestLike): void => {
    const view = shellac.view(light);
    res.locals.shellac = view;
    finisher.finish(res, view, 'chain');
    giveViews(req, finisher);
  };
  const own = async (req: ExpressRequest, res: ExpressResponse, light: RequestLike, next: NextFunction): Promise<void> => {
    const answer = await shellac.handle(toWebRequest(req, req.originalUrl));
    if (answer) return sendWebResponse(res, answer);
    prepare(req, res, light);
    next();
  };
  return function shellacMiddleware(req, res, next) {
    try {
      const light = requestLike(req, req.originalUrl); // the full path, even when mounted under one
      if (shellac.owns(light)) return void own(req, res, light, next).catch(next);
      prepare(req, res, light);
    } catch (error) {
      return next(error);
    }
    next();
  };
}
