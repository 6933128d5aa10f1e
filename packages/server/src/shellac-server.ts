import type { RequestLike } from '@shellac/protocol';
import type { ContentPage } from './content-document.js';
import type { IdentityOptions } from './identity.js';
import type { ShellacView } from './shellac-view.js';
import type { ShellResult } from './shell-response.js';
import type { UserId } from './user-tag.js';

/** Renders the base template with an empty content region (`<main data-shellac-content></main>`). */
export type ShellRenderer = (request: Request) => ShellResult | Promise<ShellResult>;

/** Options of `createShellacServer`. */
export interface ShellacServerOptions {
  /** The output folder of `shellac build --app` (resolved against the working directory once). */
  buildDir: string;
  /**
   * Renders the shell, for every request to the shell path. It must not depend on who is signed
   * in: a worker keeps one shell per browser and shows it to whoever navigates next.
   */
  shell: ShellRenderer;
  /** Where the shell is served. Default `SHELL_PATH` (`/__shell`); the worker's `appShell.url` must match. */
  shellPath?: string;
  /**
   * Names the signed-in person on every per-user response (`X-Shellac-User`, a keyed hash of
   * their id, never the id), so the service worker never shows one person's kept pages to the
   * next person on the same browser: it drops the previous person's caches when the tag changes.
   * Without it, responses carry no tag and `view.user()` / `userTag()` throw.
   */
  identity?: IdentityOptions;
}

/** One Shellac server: serves its own URLs and finishes the application's responses. */
export interface ShellacServer {
  /** The build folder, absolute. */
  readonly buildDir: string;
  /** The shell's path. */
  readonly shellPath: string;
  /**
   * Answers Shellac's own URLs (`/sw.js`, `/shellac.js`, `/shellac-clear.js`, `/shellac-shell.js`,
   * `/shellac-manifest.json`, static files under the assets base, the shell); undefined for
   * every other request, which the application then handles.
   */
  handle(request: Request): Promise<Response | undefined>;
  /** True when the request asks for the content alone. */
  contentOnly(request: Request): boolean;
  /** `full` for a normal page, `content` for the content-only variant. */
  layout<T>(request: Request, full: T, content: T): T;
  /** The hashed URL of a static file; throws `unknown-asset` or `no-build`. */
  asset(name: string): string;
  /**
   * The application's response with the protocol's headers: `Vary` on HTML, and
   * `X-Shellac-Content` / `X-Shellac-Title` on the content-only variant; with the `identity`
   * option, `X-Shellac-User` on HTML (and on a `loggedOut()` response of any type). Other
   * non-HTML is returned as is.
   * Pass the request's `view` when there is one: when its `layout` handed out the content as a
   * string, the title is known and the body is never read.
   */
  finish(request: RequestLike, response: Response, view?: ShellacView): Promise<Response>;
  /** The standard content-only document for a page, finished. */
  content(request: Request, page: ContentPage): Response;
  /** The helpers adapters hand to views, bound to one request, with the state finishing reads. */
  view(request: RequestLike): ShellacView;
  /**
   * True when `handle` may answer this request (a root file, the shell, a static file, or a
   * top-level navigation to a content URL). Cheap and synchronous: adapters call it first, so
   * the application's own requests never pay for building a web `Request`.
   */
  owns(request: RequestLike): boolean;
  /**
   * The tag `X-Shellac-User` carries for this id, for responses Shellac does not finish (an API
   * response the worker caches per user, a header set by hand). Throws `options` without the
   * `identity` option.
   */
  userTag(id: UserId): string;
}
