import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FILES, normalizeBase, versionPack, type Manifest, type WorkerConfig } from '@shellac/protocol';
import { CONFIG_FILE, configError, DEFAULT_CONFIG, findConfigFile, loadConfig, type BuildConfig } from './build-config.js';
import type { BuildOptions } from './build-options.js';
import type { BlockedPlan, BuildPlan, ReadyPlan } from './build-plan.js';
import { bundleRuntime } from './bundle-worker.js';
import { featuresOf } from './runtime-features.js';
import { placeManifest } from './place-manifest.js';
import { sharedHashes } from './shared-hashes.js';
import { withoutDefaults } from './worker-defaults.js';
import { writePack } from './write-pack.js';
import { workerAppOf } from './worker-app-entry.js';
import type { ConfigProblem } from './config-problems.js';
import { ShellacCliError } from './errors.js';
import { folderProblems } from './folder-problems.js';
import { hashedFolders } from './hashed-folders.js';
import { planGeneratedFiles, planSiteFiles, type CheckedSite } from './plan-files.js';
import { routeWarnings } from './route-warnings.js';
import { isHtml, scanSite, type SiteFile } from './scan-site.js';
import { selectPrecache } from './select-precache.js';
import { urlOf } from './site-url.js';

/** Names Shellac writes at the output's root; a site file there must be an earlier Shellac `sw.js`. */
const OURS = new Set<string>([FILES.worker, FILES.client, FILES.manifest, FILES.assets, FILES.shellClient, FILES.saveClient, FILES.clearClient]);
/** Starts every `sw.js` Shellac writes, so a build of a build recognises its own. */
export const WORKER_BANNER = '/* shellac sw */';

const gzipped = (data: string | Buffer) => ({ bytes: Buffer.byteLength(data), gzip: gzipSync(data, { level: 9 }).length });

/** The config, or the problem that stops it from being read; `undefined` config only with a problem. */
function readConfig(options: BuildOptions): { config?: BuildConfig; problem?: ShellacCliError } {
  try {
    return { config: loadConfig(options.siteDir, options.configFile).config };
  } catch (error) {
    if (error instanceof ShellacCliError) return { problem: error };
    throw error;
  }
}

/** Problems of the site's files alone: no page to register the worker from, a `sw.js` of its own. */
function siteProblems(all: SiteFile[], options: BuildOptions): ShellacCliError[] {
  const problems: ShellacCliError[] = [];
  if (!options.app && !all.some((f) => isHtml(f.rel))) {
    problems.push(new ShellacCliError('site', `${options.siteDir}: no HTML page found (${all.length} other file(s)). Shellac registers its worker from your pages: point it at the folder that holds your built .html files.`, { file: options.siteDir }));
  }
  for (const f of all) {
    // Only sw.js can be the site's own: the other names are Shellac's alone.
    if (f.rel === FILES.worker && !readFileSync(f.abs, 'utf8').startsWith(WORKER_BANNER)) {
      problems.push(new ShellacCliError('site', `${join(options.siteDir, f.rel)}: the site already has a ${f.rel}, and Shellac writes its own there. Rename or remove yours.`, { file: f.rel }));
    }
  }
  return problems;
}

/**
 * Checks the config against the site's files: the offline page and image it names must exist,
 * and fit in the precache. In app mode the shell is the offline fallback for navigations: an
 * offline page only if the folder has one (or the config names one).
 */
function checkSite(files: SiteFile[], given: BuildConfig, options: BuildOptions, configFile = CONFIG_FILE) {
  const app = !!options.app;
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const offlineGiven = given.offlinePage !== DEFAULT_CONFIG.offlinePage;
  const config = { ...given, offlinePage: app && !offlineGiven && !byRel.has(given.offlinePage) ? '' : given.offlinePage };
  const missing = [['offlinePage', offlineGiven && config.offlinePage], ['offlineImage', config.offlineImage]] as const;
  const absent: ConfigProblem[] = missing.filter(([, rel]) => rel && !byRel.has(rel)).map(([key, rel]) => ({ key, problem: `is not a file in ${options.siteDir}`, value: rel }));
  const worker = workerAppOf(config, configFile === CONFIG_FILE ? undefined : configFile, app);
  if (worker && 'problem' in worker) absent.push(worker);
  const required = new Set([config.offlinePage, config.offlineImage].filter((x): x is string => !!x));
  const selection = selectPrecache(files, config, required, options.siteDir);
  const problems = absent.length ? [configError(configFile, absent), ...selection.problems] : selection.problems;
  const warnings = [...selection.warnings, ...routeWarnings(config.routes, selection.precached, app || config.identity !== undefined)];
  const site: CheckedSite = { files, config, app, base: normalizeBase(options.base ?? '/static/'), precached: selection.precached, offlineFile: byRel.get(config.offlinePage), ...(worker && 'entry' in worker && { worker }) };
  return { site, problems, warnings };
}

/** The configuration baked into `sw.js`; in app mode the precache holds hashed copies, so the fallbacks name those. */
function workerConfig(site: CheckedSite, assets: Record<string, string>, version: string): WorkerConfig {
  const { config, app, base } = site;
  const fallback = (rel: string) => (app ? base + urlOf(assets[rel]!) : urlOf(rel));
  return {
    version,
    // '' says there is none: the runtime's default is `offline.html`.
    offlinePage: config.offlinePage && fallback(config.offlinePage),
    ...(config.offlineImage && { offlineImage: fallback(config.offlineImage) }),
    ...(app && config.appShell && { appShell: config.appShell }),
    // An app has people signing in (its server tags them); a static site only when configured.
    ...((app || config.identity) && { identity: config.identity ?? {} }),
    ...(config.save && { save: config.save }),
    ...(site.worker && { app: site.worker.config }),
    pages: config.pages,
    ...(config.routes.length && { routes: config.routes }),
    directoryIndex: config.directoryIndex,
    activate: config.activate,
    precacheConcurrency: config.precacheConcurrency,
    ...(config.debug && { debug: true }),
    // Defaults are the worker's own: sw.js carries only what differs.
    ...(!config.statePage && { statePage: false }),
    ...(config.checkSeconds !== DEFAULT_CONFIG.checkSeconds && { checkSeconds: config.checkSeconds }),
  };
}

/** Plans every output file of a checked site, `sw.js` and the manifest last. */
async function planOutput(site: CheckedSite, options: BuildOptions, configFile: string | undefined, warnings: string[]): Promise<ReadyPlan> {
  const plan = planSiteFiles(site);
  const client = planGeneratedFiles(site, plan);
  const planned = plan.entries.sort((a, b) => (a.entry[0] < b.entry[0] ? -1 : 1));
  const entries = planned.map((p) => p.entry);
  const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
  sharedHashes(planned);
  const written = site.config.pack === false ? undefined : writePack(planned, site.config.pack.maxBytes);
  // The pack is named by the version, which the entries' hashes make a hash of its bytes (a new
  // version of any file, a new pack): sw.js need not name it, the worker derives the name.
  const pack = written && { ...written, name: versionPack(version) };
  // A static site's only: in app mode each file sits beside its hashed copy (no folder is whole).
  const folders = site.app ? [] : hashedFolders(plan.files.map((f) => urlOf(f.path)), entries);
  const manifest: Manifest = { version, entries, ...(pack && { pack: pack.name }), ...(folders.length && { hashedFolders: folders }) };
  const config = workerConfig(site, plan.assets, version);
  const features = featuresOf(config, site.worker?.entry);
  const runtime = await bundleRuntime(features);
  // What the app adds: the same runtime without it, built (or remembered) to compare.
  const appBytes = site.worker && gzipped(runtime.code).gzip - gzipped((await bundleRuntime({ ...features, app: undefined })).code).gzip;
  const { sw, config: worker, manifest: versionOnly } = placeManifest(WORKER_BANNER, runtime.name, withoutDefaults(config), manifest);
  plan.files.push({ path: runtime.name, content: runtime.code }, { path: FILES.worker, content: sw }, { path: FILES.manifest, content: versionOnly });
  if (pack) plan.files.push({ path: pack.name, content: pack.content });
  const outDir = resolve(options.outDir);
  const summary = {
    outDir: relative(process.cwd(), outDir) || '.',
    files: plan.files.length,
    pages: plan.pages,
    precached: entries.length,
    precachedBytes: planned.reduce((s, p) => s + p.size, 0),
    offlinePage: site.config.offlinePage,
    offlinePageGenerated: !site.offlineFile && !site.app,
    staticRoutes: { folders, files: entries.filter(([url, hash]) => hash === undefined && !folders.some((f) => url.startsWith(f))).length },
    appShell: site.app && !!site.config.appShell,
    worker: { ...gzipped(sw), runtime: { name: runtime.name, ...gzipped(runtime.code) }, ...(appBytes !== undefined && { app: { gzip: appBytes } }) },
    client: gzipped(client),
    version,
    configFile: configFile && relative(process.cwd(), configFile),
    warnings,
  };
  return { ok: true, problems: [], warnings, siteDir: resolve(options.siteDir), outDir, link: !!options.link, files: plan.files, manifest, worker, summary };
}

/**
 * Plans a build without writing anything: reads the site folder and the config, checks both, and
 * returns every output file with its content, the manifest, the worker's configuration and the
 * summary (a {@link ReadyPlan}), or every problem found (a {@link BlockedPlan}). Warnings come
 * with either. Problems are those of the folders, the config, the site and the file sizes;
 * checks that need a readable config or site run only when they are.
 */
export async function planBuild(options: BuildOptions): Promise<BuildPlan> {
  const problems = folderProblems(options);
  if (options.app && options.base && !options.base.startsWith('/')) {
    problems.push(new ShellacCliError('usage', `--base ${options.base}: give the URL path the static folder is served at, such as /static/ (a CDN origin is not supported yet).`, { value: options.base }));
  }
  const { config, problem } = readConfig(options);
  if (problem) problems.push(problem);
  const siteDir = resolve(options.siteDir);
  const blocked = (warnings: string[] = []): BlockedPlan => ({ ok: false, problems, warnings });
  if (!statSync(siteDir, { throwIfNoEntry: false })?.isDirectory()) return blocked();
  const configFile = findConfigFile(options.siteDir, options.configFile);
  const exclude = new Set([resolve(options.outDir), ...(configFile ? [configFile] : [])]);
  const all = scanSite(siteDir, exclude).filter((f) => f.rel !== CONFIG_FILE);
  problems.push(...siteProblems(all, options));
  if (!config) return blocked();
  const checked = checkSite(all.filter((f) => !OURS.has(f.rel)), config, options, configFile);
  problems.push(...checked.problems);
  if (problems.length) return blocked(checked.warnings);
  try {
    return await planOutput(checked.site, options, configFile, checked.warnings);
  } catch (error) {
    if (error instanceof ShellacCliError) problems.push(error);
    else problems.push(new ShellacCliError('io', `build failed while reading ${options.siteDir}: ${(error as Error).message}. Nothing was changed.`, { file: options.siteDir })); // fs errors are Errors
    return blocked(checked.warnings);
  }
}
