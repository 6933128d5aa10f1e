import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { FILES, isBuildHashedFile } from '@shellac/protocol';
import { readBuildAssets, type BuildAssets } from './build-assets.js';
import { ShellacServerError } from './errors.js';
import { methodNotAllowed, plainResponse } from './plain-response.js';
import { IMMUTABLE, REVALIDATE, serveFile } from './serve-file.js';

/** What `shellac build --app` wrote, as the server serves it: root files, static files, asset URLs. */
export interface BuildFiles {
  /** True for a root file's path or a path under a local static base (cheap: no disk access). */
  owns(path: string): boolean;
  /** Serves the file at `path`; undefined when the application should answer instead. */
  serve(request: Request, path: string): Promise<Response | undefined>;
  /** The hashed URL of a static file; throws `unknown-asset` or `no-build`. */
  asset(name: string): string;
}

// The build's files that live at the root, so the worker's scope is the whole site; each with its extra headers.
const ROOT_FILES: ReadonlyMap<string, Record<string, string>> = new Map<string, Record<string, string>>([
  [`/${FILES.worker}`, { 'Service-Worker-Allowed': '/' }],
  [`/${FILES.client}`, {}],
  [`/${FILES.shellClient}`, {}],
  [`/${FILES.saveClient}`, {}],
  [`/${FILES.clearClient}`, {}],
  [`/${FILES.manifest}`, {}],
]);

const getOrHead = (request: Request) => request.method === 'GET' || request.method === 'HEAD';

/** One of the files at the root (`/sw.js`, …): a missing one is a 404 that says to build. */
async function serveRoot(request: Request, buildDir: string, path: string, extra: Record<string, string>, cacheControl = REVALIDATE): Promise<Response> {
  if (!getOrHead(request)) return methodNotAllowed();
  const file = join(buildDir, path.slice(1));
  const found = await serveFile(request, file, cacheControl, extra);
  return found ?? plainResponse(404, `Not found: ${file} is missing. Run \`shellac build --app\` to write it.`);
}

/** A file under the static base: hashed names immutable, nothing outside the build folder. */
async function serveStatic(request: Request, buildDir: string, path: string, built: BuildAssets): Promise<Response | undefined> {
  let rel: string;
  try {
    rel = decodeURIComponent(path.slice(built.base.length));
  } catch {
    return plainResponse(400, 'Bad URL encoding');
  }
  const file = join(buildDir, rel);
  if (file === buildDir) return undefined; // the base itself is no file
  if (!file.startsWith(buildDir + sep)) return plainResponse(403, 'Forbidden'); // `..%2f` escaping the build
  if (!getOrHead(request)) {
    // Only refuse the method for files that exist; other URLs under the base stay the app's.
    const exists = await stat(file).then((info) => info.isFile(), () => false);
    return exists ? methodNotAllowed() : undefined;
  }
  const name = relative(buildDir, file).split(sep).join('/');
  return serveFile(request, file, built.hashed.has(name) ? IMMUTABLE : REVALIDATE);
}

/** The files of one build folder (absolute), with `shellac-assets.json` read on first use. */
export function createBuildFiles(buildDir: string): BuildFiles {
  // Read on first use and kept; a failed read is not kept, so running the build while the server
  // is up fixes things without a restart.
  let assets: BuildAssets | undefined;
  const loadAssets = (): BuildAssets => (assets ??= readBuildAssets(buildDir));
  const urls = new Map<string, string>();
  const tryAssets = (): BuildAssets | undefined => {
    try {
      return loadAssets();
    } catch {
      return undefined; // no build yet: static URLs fall through; asset() reports the problem
    }
  };
  // A CDN base (`https://…`) is served by the CDN, not here.
  const localBase = (path: string) => {
    const built = tryAssets();
    return built && built.base.startsWith('/') && path.startsWith(built.base) ? built : undefined;
  };

  return {
    owns: (path) => ROOT_FILES.has(path) || isBuildHashedFile(path.slice(1)) || localBase(path) !== undefined,
    async serve(request, path) {
      const extra = ROOT_FILES.get(path);
      if (extra) return serveRoot(request, buildDir, path, extra);
      // The worker's runtime and the pack: named by their bytes, never changed.
      if (isBuildHashedFile(path.slice(1))) return serveRoot(request, buildDir, path, {}, IMMUTABLE);
      const built = localBase(path);
      return built && serveStatic(request, buildDir, path, built);
    },
    asset(name) {
      const built = loadAssets();
      // Templates ask for the same few names on every page: each URL is made once.
      const known = urls.get(name);
      if (known !== undefined) return known;
      const hashed = built.files.get(name.replace(/^\/+/, ''));
      if (hashed === undefined) {
        const file = join(buildDir, FILES.assets);
        throw new ShellacServerError(
          'unknown-asset',
          `asset("${name}"): no such file in ${file}. Use the path relative to the static folder (e.g. "css/app.css"), and run \`shellac build --app\` again after adding files.`,
          { name, file },
        );
      }
      const url = built.base + encodeURI(hashed);
      urls.set(name, url);
      return url;
    },
  };
}
