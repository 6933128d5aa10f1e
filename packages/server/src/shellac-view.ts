import { wantsContentOnly, type RequestLike } from '@shellac/protocol';
import { ShellacServerError } from './errors.js';
import type { Identity, IdentityResolver } from './identity.js';
import { scanTitle } from './scan-title.js';
import type { UserId } from './user-tag.js';

/**
 * What a view knows about its response by the time it is sent, read by the code that finishes it
 * (`finish`, and each adapter). Nothing about a request is kept anywhere else.
 */
export interface ShellacViewState {
  /** True when the request asks for the content alone. */
  readonly contentOnly: boolean;
  /**
   * The title of the content document `layout` handed out as a string (or a renderer's string
   * result), when it had one: then finishing never reads the body back for it. Reading a body a
   * framework holds as a string turns it into a stream and costs the server its fast path (Hono's
   * content-only throughput fell to 0.40× a bare app's).
   */
  readonly title: string | undefined;
  /** Who the response is for, given whether it is HTML; undefined without the `identity` option. */
  readonly identity: IdentityResolver | undefined;
}

/** The template helpers a view needs, bound to one request. */
export interface ShellacView {
  /** True when this request asks for the content alone (`?from_appshell=1` or the preload header). */
  readonly contentOnly: boolean;
  /** `full` for a normal page, `content` for the content-only variant: the one-line template choice. */
  layout<T>(full: T, content: T): T;
  /** The URL of a static file by its source name: `asset('css/app.css')` → `/static/css/app.3f9a1c2b.css`. */
  asset(name: string): string;
  /**
   * Marks this response as one person's page (null: nobody signed in), so the worker keeps it
   * apart from everyone else's; wins over `identity.identify`. Only HTML responses carry the tag.
   * With the node:http and Express adapters the headers are decided when the response starts:
   * call this before the first `write`/`end`/`send`. Needs the server's `identity` option.
   */
  user(id: UserId): void;
  /**
   * Marks this response as a logout, whatever its type (a logout usually answers 303): it says
   * `X-Shellac-User: anonymous`, so the worker drops the previous person's pages at once, plus
   * `Clear-Site-Data` when `identity.clearSiteData` asks for it. Same timing rule as `user`.
   */
  loggedOut(): void;
  /** What finishing the response reads: written by `layout`, `user` and `loggedOut`. */
  readonly state: ShellacViewState;
}

/** `view.user` / `view.loggedOut` / `userTag` of a server without the `identity` option: one shared function, nothing per request. */
export function needsIdentity(): never {
  throw new ShellacServerError(
    'options',
    'Shellac user tags need the `identity` option: createShellacServer({ …, identity: { secret: process.env.SHELLAC_SECRET } }) with a random secret of at least 16 characters.',
    { option: 'identity' },
  );
}

/** A view's state with nothing said yet, for `finish` called without a view. */
export function initialState(request: RequestLike, identity: Identity | undefined): ShellacViewState {
  return { contentOnly: wantsContentOnly(request), title: undefined, identity: identity?.forRequest(request).headers };
}

/** Options of {@link createViews}: what every view of one server shares. */
export interface ViewOptions {
  /** The server's prepared identity; undefined without the `identity` option. */
  identity: Identity | undefined;
  /** The server's `asset`. */
  asset: (name: string) => string;
}

/** Makes the views of one server: each request's helpers, and the state they write for finishing. */
export function createViews(options: ViewOptions): (request: RequestLike) => ShellacView {
  const { identity, asset } = options;
  return function shellacView(request) {
    const contentOnly = wantsContentOnly(request);
    const who = identity?.forRequest(request);
    const state: { -readonly [K in keyof ShellacViewState]: ShellacViewState[K] } = { contentOnly, title: undefined, identity: who?.headers };
    // Only a title found counts: a string without one may be a template name (`layout('lesson',
    // 'lesson-content')`) or a fragment the app wraps later, so then the body is read as before.
    const note = (html: string): void => {
      const title = scanTitle(html);
      if (typeof title === 'string') state.title = title;
    };
    return {
      contentOnly,
      layout<T>(full: T, content: T): T {
        if (!contentOnly) return full;
        if (typeof content === 'string') note(content);
        else if (typeof content === 'function') {
          const render = content as (...args: unknown[]) => unknown; // narrowed from T by the typeof above
          const noting = function (this: unknown, ...args: unknown[]) {
            const html = render.apply(this, args);
            if (typeof html === 'string') note(html);
            return html;
          };
          return noting as T; // same call signature as `content`, which is a T
        }
        return content;
      },
      asset,
      user: who ? who.user : needsIdentity,
      loggedOut: who ? who.loggedOut : needsIdentity,
      state,
    };
  };
}
