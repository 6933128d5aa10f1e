import { resolve } from 'node:path';
import { APPSHELL_PARAM, HEADER, SHELL_PATH, wantsContentOnly, type RequestLike } from '@shellac/protocol';
import { createBuildFiles } from './build-files.js';
import { contentDocument } from './content-document.js';
import { ShellacServerError } from './errors.js';
import { finishResponse } from './finish-response.js';
import { prepareIdentity } from './identity.js';
import { methodNotAllowed } from './plain-response.js';
import { requestPath } from './request-path.js';
import type { ShellacServer, ShellacServerOptions } from './shellac-server.js';
import { createViews, initialState, needsIdentity } from './shellac-view.js';
import { shellResponse } from './shell-response.js';

/**
 * A top-level navigation to a content URL (someone opening `…?from_appshell=1` itself, a shared
 * link, a page loaded before any worker): content alone must never show as a page. Such
 * navigations say so in Sec-Fetch-Dest; navigation preload is a navigation too, but it carries
 * its own header and wants the content.
 */
const topLevelContent = (url: URL, request: RequestLike) =>
  url.searchParams.get(APPSHELL_PARAM) === '1' && request.headers.get('Sec-Fetch-Dest') === 'document' && request.headers.get(HEADER.navigationPreload) === null;

/** Checks the options a server cannot work without, naming the one that is wrong. */
function checkOptions(options: ShellacServerOptions): void {
  if (typeof options?.buildDir !== 'string' || options.buildDir === '') {
    throw new ShellacServerError('options', 'createShellacServer: `buildDir` is required: the folder `shellac build --app` wrote.', { option: 'buildDir' });
  }
  if (typeof options.shell !== 'function') {
    throw new ShellacServerError('options', 'createShellacServer: `shell` is required: a function (request) => HTML of the base template with an empty content region.', { option: 'shell' });
  }
  const { shellPath } = options;
  if (shellPath !== undefined && !shellPath.startsWith('/')) {
    throw new ShellacServerError('options', `createShellacServer: \`shellPath\` should be a path starting with "/", not "${shellPath}".`, { option: 'shellPath', value: shellPath });
  }
}

/**
 * Creates a Shellac server for one build. Nothing is global: two instances (two sites, or a test
 * and the app) never share state. Everything derived from the options is computed here, once.
 */
export function createShellacServer(options: ShellacServerOptions): ShellacServer {
  checkOptions(options);
  const shellPath = options.shellPath ?? SHELL_PATH;
  const buildDir = resolve(options.buildDir);
  const render = options.shell;
  const files = createBuildFiles(buildDir);
  // Checked and keyed once; undefined keeps every request free of identity work.
  const identity = options.identity === undefined ? undefined : prepareIdentity(options.identity);

  return {
    buildDir,
    shellPath,
    async handle(request) {
      const url = new URL(request.url);
      if (topLevelContent(url, request)) {
        url.searchParams.delete(APPSHELL_PARAM);
        return new Response(null, { status: 302, headers: { Location: url.pathname + url.search, Vary: HEADER.navigationPreload } });
      }
      if (url.pathname !== shellPath) return files.serve(request, url.pathname);
      if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed();
      return shellResponse(request, await render(request));
    },
    contentOnly: (request) => wantsContentOnly(request),
    layout: (request, full, content) => (wantsContentOnly(request) ? content : full),
    asset: files.asset,
    // The view already read the request; without one, its state is read here.
    finish: (request, response, view) => finishResponse(response, view ? view.state : initialState(request, identity)),
    content: (request, page) => contentDocument(request, page),
    owns(request) {
      const path = requestPath(request.url);
      if (path === shellPath || files.owns(path)) return true;
      // The headers first: the shell's own content requests (not documents) never parse their URL.
      return request.headers.get('Sec-Fetch-Dest') === 'document' && wantsContentOnly(request) && topLevelContent(new URL(request.url), request);
    },
    userTag: identity ? identity.userTag : needsIdentity,
    view: createViews({ identity, asset: files.asset }),
  };
}
