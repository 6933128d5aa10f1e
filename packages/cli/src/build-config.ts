import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppShellConfig, IdentityConfig, PagesConfig, RouteConfig, SaveConfig, WorkerAppConfig } from '@shellac/protocol';
import { configProblems, type ConfigProblem } from './config-problems.js';
import { ShellacCliError } from './errors.js';

/** Everything `shellac build` can be told, with its defaults filled in. */
export interface BuildConfig {
  /** Globs (relative to the site) of files to precache. HTML pages are left to the pages cache. */
  precache: string[];
  /** Globs never precached. */
  precacheIgnore: string[];
  /** Files above this size are not precached (a warning names them). */
  maxFileSizeBytes: number;
  /** The offline page, relative to the site; generated in the site's look when absent. */
  offlinePage: string;
  /** A precached image served when an image fails to load. */
  offlineImage: string | undefined;
  pages: PagesConfig | false;
  routes: RouteConfig[];
  directoryIndex: string;
  activate: 'immediately' | 'waiting';
  precacheConcurrency: number;
  debug: boolean;
  /** Add the registration script to every HTML page. */
  inject: boolean;
  /** App-shell mode (with `--app`): allowed navigations get the server's shell at once. */
  appShell: AppShellConfig | undefined;
  /** Identity (per-person caches, sign-out paths): off unless given here, always on with `--app`. */
  identity: IdentityConfig | undefined;
  /** Save for offline: the worker's saved unit and `shellac-save.js`. */
  save: SaveConfig | undefined;
  /**
   * The app inside the worker (with `--app`): its entry module, relative to the config file,
   * whose default export is the app (a Hono app, or a function), and its data. A string is the
   * entry alone.
   */
  worker: (WorkerAppConfig & { entry: string }) | string | undefined;
  /** The pack for first installs: every precached file in one request (`false`: none). */
  pack: { maxBytes: number } | false;
  /** The state page at `<scope>__shellac/state` (`false`: the network answers that URL). */
  statePage: boolean;
  /** Least seconds between two looks at the manifest on navigations. */
  checkSeconds: number;
}

export const DEFAULT_CONFIG: BuildConfig = {
  precache: ['**/*.{css,js,mjs,woff,woff2,ttf,otf,svg,png,jpg,jpeg,gif,webp,avif,ico}'],
  precacheIgnore: [],
  maxFileSizeBytes: 2 * 1024 * 1024,
  offlinePage: 'offline.html',
  offlineImage: undefined,
  pages: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600, maxBytes: 50 * 1024 * 1024, networkTimeoutSeconds: 3 },
  routes: [],
  directoryIndex: 'index.html',
  // Static pages come from the network fresh; activating at once keeps their assets in step.
  activate: 'immediately',
  precacheConcurrency: 8,
  debug: false,
  inject: true,
  appShell: undefined,
  identity: undefined,
  save: undefined,
  worker: undefined,
  // A first install holds the pack in memory: past 10 MiB, files one by one are kinder.
  pack: { maxBytes: 10 * 1024 * 1024 },
  statePage: true,
  checkSeconds: 300,
};

export const CONFIG_FILE = 'shellac.config.json';

const describe = ({ key, problem, value }: ConfigProblem) => `${key ? `"${key}"` : 'the config'} ${problem}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`;

/**
 * The `config` error for problems of one config file: one problem on one line, several as a count
 * followed by one line each, every line naming the file. `details`: `{ file, problems }`.
 */
export function configError(file: string, problems: ConfigProblem[]): ShellacCliError {
  const lines = problems.map((p) => `${file}: ${describe(p)}`);
  const message = lines.length === 1 ? lines[0]! : `${lines.length} problems in ${file}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
  return new ShellacCliError('config', message, { file, problems });
}

/**
 * Validates a parsed config object and fills in the defaults. Throws a {@link ShellacCliError}
 * (`config`) listing every problem at once, each with its key and value.
 */
export function validateConfig(value: unknown, file = CONFIG_FILE): BuildConfig {
  const problems = configProblems(value);
  if (problems.length) throw configError(file, problems);
  const given = value as Partial<BuildConfig>; // checked key by key above
  const merged: Record<string, unknown> = { ...(DEFAULT_CONFIG.pages as PagesConfig), ...given.pages };
  for (const key of Object.keys(merged)) if (merged[key] === null) delete merged[key];
  const pages = given.pages === false ? false : (merged as PagesConfig); // null limits removed just above
  const pack = given.pack === false ? false : { ...(DEFAULT_CONFIG.pack as { maxBytes: number }), ...given.pack };
  return { ...DEFAULT_CONFIG, ...given, pages, pack };
}

/**
 * The config file that applies: `--config FILE` when given (whether or not it exists), else
 * `shellac.config.json` in the current folder, else in the site folder, else none.
 */
export function findConfigFile(siteDir: string, explicit?: string): string | undefined {
  if (explicit) return resolve(explicit);
  return [resolve(CONFIG_FILE), join(resolve(siteDir), CONFIG_FILE)].find((f) => existsSync(f));
}

/**
 * Finds and reads the config: `--config FILE` when given (it must exist), else
 * `shellac.config.json` in the current folder, else in the site folder, else the defaults.
 */
export function loadConfig(siteDir: string, explicit?: string): { config: BuildConfig; file: string | undefined } {
  const file = findConfigFile(siteDir, explicit);
  if (!file) return { config: { ...DEFAULT_CONFIG }, file: undefined };
  if (!existsSync(file)) throw new ShellacCliError('config', `--config ${explicit}: no such file`, { file: explicit });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ShellacCliError('config', `${file}: not valid JSON (${(e as Error).message})`, { file }); // JSON.parse throws SyntaxError
  }
  return { config: validateConfig(parsed, file), file };
}
