import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compilePathPattern, FILES, normalizeBase, type Manifest, type ManifestEntry, type WorkerConfig } from '@shellac/protocol';
import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig } from './build-config.js';
import { bundleWorker } from './bundle-worker.js';
import { ShellacCliError } from './errors.js';
import { globFilter } from './glob-to-regexp.js';
import { injectRegistration } from './inject-registration.js';
import { offlinePage } from './offline-page.js';
import { scanSite, type SiteFile } from './scan-site.js';

export interface BuildOptions {
  siteDir: string;
  outDir: string;
  /** `--config FILE`; otherwise shellac.config.json in the current folder or the site. */
  configFile?: string;
  /**
   * Hard-link files the build does not change instead of copying them: near-instant on any
   * filesystem, but the output then shares those files with the site, so a tool that edits the
   * output in place would edit the site too. Off by default.
   */
  link?: boolean;
  /**
   * App mode, for an application's static folder (Django's ManifestStaticFilesStorage, say):
   * every file also gets a hashed copy (`app.css` → `app.3f9a1c2b.css`), `shellac-assets.json`
   * maps names to hashed URLs for the server's `asset()`, no HTML is required or changed, and the
   * worker and client scripts are meant to be served at the root (see docs/design/app-shell.md).
   */
  app?: boolean;
  /** With `app`: the URL path the static folder is served at. Default `/static/`. */
  base?: string;
  /** Called as files are hashed and written. */
  onProgress?: (done: { files: number; bytes: number; totalFiles: number }) => void;
}

export interface BuildSummary {
  outDir: string;
  files: number;
  pages: number;
  precached: number;
  precachedBytes: number;
  offlinePage: string;
  offlinePageGenerated: boolean;
  /** App mode with `appShell` configured. */
  appShell: boolean;
  worker: { bytes: number; gzip: number };
  client: { bytes: number; gzip: number };
  version: string;
  configFile: string | undefined;
  warnings: string[];
  ms: number;
}

const OURS = new Set<string>([FILES.worker, FILES.client, FILES.manifest, FILES.assets, FILES.shellClient]);
const BANNER = '/* shellac sw */';

const isHtml = (rel: string) => /\.html?$/i.test(rel);
const depthOf = (rel: string) => rel.split('/').length - 1;
/** The URL path the browser uses for a file path (percent-encoded as the URL parser does). */
const urlOf = (rel: string) => new URL(rel, 'http://x/').pathname.slice(1);
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/**
 * Builds a site for offline use into `outDir`. Everything is checked before anything is
 * written, output goes to a temporary folder beside `outDir` and replaces it only when complete,
 * so a failed build leaves no half output and the previous build intact.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const siteDir = resolve(options.siteDir);
  const outDir = resolve(options.outDir);
  const info = await stat(siteDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new ShellacCliError('site', `${options.siteDir}: no such folder. Give the folder of your built site, e.g. "shellac build public --out dist".`, { file: options.siteDir });
  if (outDir === siteDir || (siteDir + sep).startsWith(outDir + sep)) {
    throw new ShellacCliError('usage', `--out ${options.outDir} would overwrite the site itself: give a separate folder, e.g. "--out dist".`, { file: options.outDir });
  }
  const outInfo = await stat(outDir).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw new ShellacCliError('usage', `--out ${options.outDir} is a file: give a folder for the build.`, { file: options.outDir });
  if (outInfo) {
    const contents = await readdir(outDir);
    if (contents.length && !contents.includes(FILES.manifest)) {
      throw new ShellacCliError('usage', `--out ${options.outDir} already exists and is not a Shellac build: choose an empty or new folder (Shellac replaces its output folder whole).`, { file: options.outDir });
    }
  }
  const { config, file: configFile } = loadConfig(siteDir, options.configFile);
  const warnings: string[] = [];

  const exclude = new Set([outDir]);
  if (configFile) exclude.add(configFile);
  const all = scanSite(siteDir, exclude).filter((f) => !(f.rel === CONFIG_FILE));
  const htmlFiles = all.filter((f) => isHtml(f.rel));
  const app = !!options.app;
  if (app && options.base && !options.base.startsWith('/')) {
    throw new ShellacCliError('usage', `--base ${options.base}: give the URL path the static folder is served at, such as /static/ (a CDN origin is not supported yet).`, { value: options.base });
  }
  const base = normalizeBase(options.base ?? '/static/');
  if (!app && !htmlFiles.length) {
    throw new ShellacCliError('site', `${options.siteDir}: no HTML page found (${all.length} other file(s)). Shellac registers its worker from your pages: point it at the folder that holds your built .html files.`, { file: options.siteDir });
  }
  for (const f of all) {
    if (!OURS.has(f.rel)) continue;
    const ours = f.rel === FILES.worker ? (await readFile(f.abs, 'utf8')).startsWith(BANNER) : f.rel !== FILES.worker;
    if (!ours) throw new ShellacCliError('site', `${join(options.siteDir, f.rel)}: the site already has a ${f.rel}, and Shellac writes its own there. Rename or remove yours.`, { file: f.rel });
  }
  const files = all.filter((f) => !OURS.has(f.rel));
  const byRel = new Map(files.map((f) => [f.rel, f]));

  // In app mode the shell is the offline fallback for navigations: an offline page only if the
  // folder has one (or the config names one).
  const offlineGiven = config.offlinePage !== DEFAULT_CONFIG.offlinePage;
  if (app && !offlineGiven && !byRel.has(config.offlinePage)) config.offlinePage = '';
  const offlineFile = byRel.get(config.offlinePage);
  if (!offlineFile && offlineGiven) throw new ShellacCliError('config', `${configFile}: "offlinePage" names ${config.offlinePage}, which is not in ${options.siteDir}.`, { file: configFile, key: 'offlinePage', value: config.offlinePage });
  if (config.offlineImage && !byRel.has(config.offlineImage)) {
    throw new ShellacCliError('config', `${configFile}: "offlineImage" names ${config.offlineImage}, which is not in ${options.siteDir}.`, { file: configFile, key: 'offlineImage', value: config.offlineImage });
  }

  const wanted = globFilter(config.precache, config.precacheIgnore);
  const required = new Set([config.offlinePage, config.offlineImage].filter((x): x is string => !!x));
  const urlFor = (rel: string) => (app ? base + urlOf(rel) : urlOf(rel));
  const precached = new Set<string>();
  for (const f of files) {
    if (!required.has(f.rel) && !wanted(f.rel)) continue;
    if (f.size > config.maxFileSizeBytes) {
      const what = `${f.rel} is ${kb(f.size)}, above maxFileSizeBytes (${kb(config.maxFileSizeBytes)})`;
      if (required.has(f.rel)) throw new ShellacCliError('file-too-large', `${join(options.siteDir, f.rel)}: ${what}; it must be precached. Shrink it or raise "maxFileSizeBytes" in ${CONFIG_FILE}.`, { file: f.rel, size: f.size });
      warnings.push(`${what}: not precached (it still loads from the network). Raise "maxFileSizeBytes" in ${CONFIG_FILE} or add it to "precacheIgnore" to silence this.`);
      continue;
    }
    precached.add(f.rel);
  }

  // A route never sees a URL the precache holds (the precache answers first): say so.
  const scopeUrl = new URL('http://site.invalid/');
  config.routes.forEach((route, i) => {
    const target = new URL(route.match, scopeUrl);
    // A pattern on another origin (a CDN) never sees the site's own files.
    const { regex } = compilePathPattern(target.pathname);
    const shadowed = target.origin === scopeUrl.origin ? [...precached].filter((rel) => regex.test(new URL(urlOf(rel), scopeUrl).pathname)) : [];
    if (shadowed.length) {
      warnings.push(`routes[${i}] ("${route.match}") matches ${shadowed.length} precached file(s), e.g. ${shadowed[0]}: the precache answers those first, so this route never sees them. Add them to "precacheIgnore" to route them.`);
    }
  });

  // Everything is known to be valid from here on: write into a temporary folder.
  const tmp = join(dirname(outDir), `.${basename(outDir)}.shellac-${process.pid}-${Date.now()}`);
  const entries: ManifestEntry[] = [];
  let doneFiles = 0;
  let doneBytes = 0;
  const progress = (bytes: number) => {
    doneFiles++;
    doneBytes += bytes;
    options.onProgress?.({ files: doneFiles, bytes: doneBytes, totalFiles: files.length });
  };
  try {
    // Synchronous I/O from here: the work is thousands of small reads, hashes and writes, which
    // run faster in one loop than as promises queued on libuv's four-thread pool.
    mkdirSync(tmp, { recursive: true });
    for (const dir of new Set(files.map((f) => dirname(join(tmp, f.rel))))) mkdirSync(dir, { recursive: true });
    const assets: Record<string, string> = {};
    const record = (rel: string, buffer: Buffer, url = urlFor(rel)) => {
      const hash = sha256(buffer);
      if (precached.has(rel) || required.has(rel)) entries.push({ url, hash, size: buffer.length });
      return hash;
    };
    const emit = (rel: string, data: Buffer | string, url?: string) => {
      const buffer = typeof data === 'string' ? Buffer.from(data) : data;
      record(rel, buffer, url);
      writeFileSync(join(tmp, rel), buffer);
    };
    // Unchanged files: a copy-on-write clone where the filesystem has them (btrfs, XFS, APFS),
    // else a plain copy; with `link`, a hard link (falling back to a copy across devices).
    const place = (from: string, to: string) => {
      if (options.link) {
        try {
          // The target, not a symlink to it: a relative link would dangle at another depth.
          return linkSync(realpathSync(from), to);
        } catch {
          // EXDEV (another device) or EPERM: copy instead.
        }
      }
      copyFileSync(from, to, constants.COPYFILE_FICLONE);
    };
    let pages = 0;
    for (const f of files) {
      if (app) {
        // Both names: the hashed one for views (immutable), the plain one for relative url()s in CSS.
        const data = readFileSync(f.abs);
        const hashed = f.rel.replace(/(\.[^./]+)?$/, (ext) => `.${sha256(data).slice(0, 8)}${ext}`);
        assets[f.rel] = hashed;
        record(f.rel, data, base + urlOf(hashed));
        place(f.abs, join(tmp, f.rel));
        place(f.abs, join(tmp, hashed));
      } else if (isHtml(f.rel) && config.inject) {
        emit(f.rel, injectRegistration(readFileSync(f.abs, 'utf8'), depthOf(f.rel)));
        pages++;
      } else {
        if (precached.has(f.rel)) record(f.rel, readFileSync(f.abs));
        place(f.abs, join(tmp, f.rel));
      }
      progress(f.size);
    }

    if (!offlineFile && !app) {
      const source = byRel.get('index.html') ?? htmlFiles[0]!;
      const page = offlinePage(await readFile(source.abs, 'utf8'), depthOf(source.rel));
      emit(config.offlinePage, config.inject ? injectRegistration(page, depthOf(config.offlinePage)) : page);
      precached.add(config.offlinePage);
    }

    const clientPath = fileURLToPath(import.meta.resolve('@shellac/client/browser'));
    const client = await readFile(clientPath);
    precached.add(FILES.client);
    // Beside sw.js: served at the scope root, also in app mode.
    emit(FILES.client, client, FILES.client);
    if (app) {
      const shellClient = await readFile(join(dirname(clientPath), FILES.shellClient));
      precached.add(FILES.shellClient);
      emit(FILES.shellClient, shellClient, FILES.shellClient);
      writeFileSync(join(tmp, FILES.assets), JSON.stringify({ base, files: assets }));
    }

    entries.sort((a, b) => (a.url < b.url ? -1 : 1));
    const version = sha256(JSON.stringify(entries)).slice(0, 16);
    const manifest: Manifest = { version, entries };
    const workerConfig: WorkerConfig = {
      version,
      manifest: FILES.manifest,
      // In app mode the precache holds the hashed copies: the fallbacks must name those.
      ...(config.offlinePage && { offlinePage: app ? base + urlOf(assets[config.offlinePage]!) : urlOf(config.offlinePage) }),
      ...(config.offlineImage && { offlineImage: app ? base + urlOf(assets[config.offlineImage]!) : urlOf(config.offlineImage) }),
      ...(app && config.appShell && { appShell: config.appShell }),
      // An app has people signing in (its server tags them); a static site only when configured.
      ...((app || config.identity) && { identity: config.identity ?? {} }),
      pages: config.pages,
      ...(config.routes.length && { routes: config.routes }),
      directoryIndex: config.directoryIndex,
      activate: config.activate,
      precacheConcurrency: config.precacheConcurrency,
      ...(config.debug && { debug: true }),
    };
    const worker = `${BANNER}${await bundleWorker(workerConfig)}`;
    await writeFile(join(tmp, FILES.worker), worker);
    await writeFile(join(tmp, FILES.manifest), JSON.stringify(manifest));

    // Swap in the new output whole; the old one is removed only after the new one is in place.
    const old = existsSync(outDir) ? `${tmp}.old` : undefined;
    if (old) await rename(outDir, old);
    await rename(tmp, outDir);
    if (old) await rm(old, { recursive: true, force: true });

    return {
      outDir: relative(process.cwd(), outDir) || '.',
      files: (app ? 2 * files.length + 5 : files.length + (offlineFile ? 0 : 1) + 3),
      pages,
      precached: entries.length,
      precachedBytes: entries.reduce((s, e) => s + e.size, 0),
      offlinePage: config.offlinePage,
      offlinePageGenerated: !offlineFile && !app,
      appShell: app && !!config.appShell,
      worker: { bytes: Buffer.byteLength(worker), gzip: gzipSync(worker, { level: 9 }).length },
      client: { bytes: client.length, gzip: gzipSync(client, { level: 9 }).length },
      version,
      configFile: configFile && relative(process.cwd(), configFile),
      warnings,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    if (error instanceof ShellacCliError) throw error;
    throw new ShellacCliError('io', `build failed while writing ${options.outDir}: ${(error as Error).message}. Nothing was changed.`, { file: options.outDir }); // fs errors are Errors
  }
}

export type { SiteFile };
