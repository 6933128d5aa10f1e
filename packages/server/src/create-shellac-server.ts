import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { FILES, SHELL_PATH, wantsContentOnly, APPSHELL_PARAM, HEADER, type RequestLike } from '@shellac/protocol';
import { readBuildAssets, type BuildAssets } from './build-assets.js';
import { contentDocument, type ContentPage } from './content-document.js';
import { ShellacServerError } from './errors.js';
import { finishResponse } from './finish-response.js';
import { knownTitle, noteTitle } from './view-title.js';
import { IMMUTABLE, REVALIDATE, serveFile } from './serve-file.js';
import { shellResponse, type ShellResult } from './shell-response.js';
import { trackUser, userIdentity, userResolver, type ShellacUserOptions } from './user-identity.js';
import type { UserId } from './user-tag.js';

/** Renders the base template with an empty content region (`<main data-shellac-content></main>`). */
export type ShellRenderer = (request: Request) => ShellResult | Promise<ShellResult>;

/** Options of {@link createShellacServer}. */
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
  user?: ShellacUserOptions;
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
   * apart from everyone else's; wins over `user.identify`. Only HTML responses carry the tag.
   * With the node:http and Express adapters the headers are decided when the response starts:
   * call this before the first `write`/`end`/`send`. Needs the server's `user` option.
   */
  user(id: UserId): void;
  /**
   * Marks this response as a logout, whatever its type (a logout usually answers 303): it says
   * `X-Shellac-User: anonymous`, so the worker drops the previous person's pages at once, plus
   * `Clear-Site-Data` when `user.clearSiteData` asks for it. Same timing rule as `user`.
   */
  loggedOut(): void;
}

/**
 * A top-level navigation to a content URL (someone opening `…?from_appshell=1` itself). Such
 * navigations say so in Sec-Fetch-Dest; navigation preload is a navigation too, but it carries
 * its own header and wants the content.
 */
const topLevelContent = (url: URL, request: RequestLike) =>
  url.searchParams.get(APPSHELL_PARAM) === '1' && request.headers.get('Sec-Fetch-Dest') === 'document' && request.headers.get(HEADER.navigationPreload) === null;

/** One Shellac server: serves its own URLs and finishes the application's responses. */
export interface ShellacServer {
  /** The build folder, absolute. */
  readonly buildDir: string;
  /** The shell's path. */
  readonly shellPath: string;
  /**
   * Answers Shellac's own URLs (`/sw.js`, `/shellac.js`, `/shellac-shell.js`,
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
   * `X-Shellac-Content` / `X-Shellac-Title` on the content-only variant; with the `user` option,
   * `X-Shellac-User` on HTML (and on a `loggedOut()` response of any type). Other non-HTML is
   * returned as is.
   * Pass the request's `view` when there is one: when its `layout` handed out the content as a
   * string, the title is known and the body is never read.
   */
  finish(request: RequestLike, response: Response, view?: ShellacView): Promise<Response>;
  /** The standard content-only document for a page, finished. */
  content(request: Request, page: ContentPage): Response;
  /** The helpers adapters hand to views, bound to one request. */
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
   * `user` option.
   */
  userTag(id: UserId): string;
}

const ALLOWED = 'GET, HEAD';

/**
 * The path of an absolute URL, as `new URL(url).pathname` gives it. `owns` runs on every request
 * the application serves, and parsing a URL there cost Express about a tenth of its throughput
 * (bench: server-throughput); a plain path is sliced out instead. Anything a parser would change
 * (dot segments, escapes, backslashes, characters it would encode) still goes through the parser.
 */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1 || /[?#]/.test(url.slice(0, start))) return new URL(url).pathname;
  let end = url.length;
  for (const stop of ['?', '#']) {
    const at = url.indexOf(stop, start);
    if (at !== -1 && at < end) end = at;
  }
  const path = url.slice(start, end);
  return /^[\w\-.~/!$&'()*+,;=:@]*$/.test(path) && !path.includes('/.') ? path : new URL(url).pathname;
}

/** `view.user` / `view.loggedOut` / `userTag` of a server without the `user` option: one shared function, nothing per request. */
function needsUserOption(): never {
  throw new ShellacServerError('options', 'Shellac user tags need the `user` option: createShellacServer({ …, user: { secret: process.env.SHELLAC_SECRET } }) with a random secret of at least 16 characters.', { option: 'user' });
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

/**
 * Creates a Shellac server for one build. Nothing is global: two instances (two sites, or a test
 * and the app) never share state. Everything derived from the options is computed here, once.
 */
export function createShellacServer(options: ShellacServerOptions): ShellacServer {
  if (typeof options?.buildDir !== 'string' || options.buildDir === '') {
    throw new ShellacServerError('options', 'createShellacServer: `buildDir` is required: the folder `shellac build --app` wrote.', { option: 'buildDir' });
  }
  if (typeof options.shell !== 'function') {
    throw new ShellacServerError('options', 'createShellacServer: `shell` is required: a function (request) => HTML of the base template with an empty content region.', { option: 'shell' });
  }
  const shellPath = options.shellPath ?? SHELL_PATH;
  if (!shellPath.startsWith('/')) {
    throw new ShellacServerError('options', `createShellacServer: \`shellPath\` should be a path starting with "/", not "${shellPath}".`, { option: 'shellPath', value: shellPath });
  }
  const buildDir = resolve(options.buildDir);
  const render = options.shell;
  // Checked and keyed once; undefined keeps every request free of identity work.
  const identity = options.user === undefined ? undefined : userIdentity(options.user);

  // The build's files that live at the root, so the worker's scope is the whole site.
  const rootFiles = new Map<string, Record<string, string>>([
    [`/${FILES.worker}`, { 'Service-Worker-Allowed': '/' }],
    [`/${FILES.client}`, {}],
    [`/${FILES.shellClient}`, {}],
    [`/${FILES.manifest}`, {}],
  ]);

  // Read on first use and kept; a failed read is not kept, so running the build while the server
  // is up fixes things without a restart.
  let assets: BuildAssets | undefined;
  const loadAssets = (): BuildAssets => (assets ??= readBuildAssets(buildDir));
  const tryAssets = (): BuildAssets | undefined => {
    try {
      return loadAssets();
    } catch {
      return undefined; // no build yet: static URLs fall through; asset() reports the problem
    }
  };

  async function serveStatic(request: Request, path: string, built: BuildAssets): Promise<Response | undefined> {
    let rel: string;
    try {
      rel = decodeURIComponent(path.slice(built.base.length));
    } catch {
      return plain(400, 'Bad URL encoding');
    }
    const file = join(buildDir, rel);
    if (file === buildDir) return undefined; // the base itself is no file
    if (!file.startsWith(buildDir + sep)) return plain(403, 'Forbidden'); // `..%2f` escaping the build
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // Only refuse the method for files that exist; other URLs under the base stay the app's.
      const exists = await stat(file).then((info) => info.isFile(), () => false);
      return exists ? plain(405, 'Method not allowed', { Allow: ALLOWED }) : undefined;
    }
    const name = relative(buildDir, file).split(sep).join('/');
    return serveFile(request, file, built.hashed.has(name) ? IMMUTABLE : REVALIDATE);
  }

  const server: ShellacServer = {
    buildDir,
    shellPath,
    async handle(request) {
      const url = new URL(request.url);
      const path = url.pathname;
      // Someone opening a content URL itself (no worker yet, a shared link): content alone must
      // never show as a page. Top-level navigations say so in Sec-Fetch-Dest; navigation preload
      // is a navigation too, but it carries its own header and wants the content.
      if (topLevelContent(url, request)) {
        url.searchParams.delete(APPSHELL_PARAM);
        return new Response(null, { status: 302, headers: { Location: url.pathname + url.search, Vary: HEADER.navigationPreload } });
      }
      const extra = rootFiles.get(path);
      const getOrHead = request.method === 'GET' || request.method === 'HEAD';
      if (extra || path === shellPath) {
        if (!getOrHead) return plain(405, 'Method not allowed', { Allow: ALLOWED });
        if (!extra) return shellResponse(request, await render(request));
        const found = await serveFile(request, join(buildDir, path.slice(1)), REVALIDATE, extra);
        return found ?? plain(404, `Not found: ${join(buildDir, path.slice(1))} is missing. Run \`shellac build --app\` to write it.`);
      }
      const built = tryAssets();
      // A CDN base (`https://…`) is served by the CDN, not here.
      if (!built || !built.base.startsWith('/') || !path.startsWith(built.base)) return undefined;
      return serveStatic(request, path, built);
    },
    contentOnly: (request) => wantsContentOnly(request),
    layout: (request, full, content) => (wantsContentOnly(request) ? content : full),
    asset(name) {
      const built = loadAssets();
      const hashed = built.files.get(name.replace(/^\/+/, ''));
      if (hashed === undefined) {
        const file = join(buildDir, FILES.assets);
        throw new ShellacServerError(
          'unknown-asset',
          `asset("${name}"): no such file in ${file}. Use the path relative to the static folder (e.g. "css/app.css"), and run \`shellac build --app\` again after adding files.`,
          { name, file },
        );
      }
      return built.base + encodeURI(hashed);
    },
    finish: (request, response, view) =>
      // The view already read the request; without one, read it here.
      finishResponse(response, view ? view.contentOnly : wantsContentOnly(request), knownTitle(view), identity && (userResolver(view) ?? identity.forRequest(request).resolve)),
    content: (request, page) => contentDocument(request, page),
    owns(request) {
      const path = pathOf(request.url);
      if (rootFiles.has(path) || path === shellPath) return true;
      if (wantsContentOnly(request) && topLevelContent(new URL(request.url), request)) return true;
      const built = tryAssets();
      return !!built && built.base.startsWith('/') && path.startsWith(built.base);
    },
    userTag: identity ? identity.userTag : needsUserOption,
    view(request) {
      const contentOnly = wantsContentOnly(request);
      const who = identity?.forRequest(request);
      const view: ShellacView = {
        contentOnly,
        layout<T>(full: T, content: T): T {
          if (!contentOnly) return full;
          // A content document seen as a string (or a renderer's string result) tells its title
          // here, so finishing the response never has to read the body back for it.
          if (typeof content === 'string') noteTitle(view, content);
          else if (typeof content === 'function') {
            const render = content as (...args: unknown[]) => unknown; // narrowed from T by the typeof above
            const noting = function (this: unknown, ...args: unknown[]) {
              const html = render.apply(this, args);
              if (typeof html === 'string') noteTitle(view, html);
              return html;
            };
            return noting as T; // same call signature as `content`, which is a T
          }
          return content;
        },
        asset: (name) => server.asset(name),
        user: who ? who.user : needsUserOption,
        loggedOut: who ? who.loggedOut : needsUserOption,
      };
      if (who) trackUser(view, who.resolve);
      return view;
    },
  };
  return server;
}
