import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { routeCacheName, type AppShellConfig, type IdentityConfig, type PagesConfig, type RouteConfig, type StrategyName } from '@shellac/protocol';
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
  /** Identity: sign-out paths the worker watches. */
  identity: IdentityConfig | undefined;
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
};

export const CONFIG_FILE = 'shellac.config.json';

const STRATEGIES: StrategyName[] = ['networkOnly', 'cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'];
const CACHE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

type Check = (value: unknown, at: string) => string | undefined;
const whole = (min: number): Check => (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? undefined : `must be a whole number ≥ ${min}`);
const positive: Check = (v) => (typeof v === 'number' && v > 0 && Number.isFinite(v) ? undefined : 'must be a number above 0');
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const oneOf = (values: readonly string[]): Check => (v) => (values.includes(v as string) ? undefined : `must be one of ${values.map((x) => `"${x}"`).join(', ')}`);
const globs: Check = (v) => (Array.isArray(v) && v.every((g) => typeof g === 'string' && g !== '') ? undefined : 'must be an array of glob strings');
const patterns: Check = (v) => (Array.isArray(v) && v.every((g) => typeof g === 'string' && g !== '') ? undefined : 'must be an array of route patterns (such as "lessons/*")');
const relativePath: Check = (v) => text(v, '') ?? (/^(\/|[a-z]+:)|(^|\/)\.\.(\/|$)/i.test(v as string) ? 'must be a path inside the site (no leading "/", no "..")' : undefined);

const LIMITS = { maxEntries: whole(1), maxAgeSeconds: positive, maxBytes: whole(1) };
/** In `pages`, `null` removes a default limit. */
const orNull = (check: Check): Check => (v, at) => (v === null ? undefined : check(v, at));
const PAGES = { maxEntries: orNull(LIMITS.maxEntries), maxAgeSeconds: orNull(LIMITS.maxAgeSeconds), maxBytes: orNull(LIMITS.maxBytes), networkTimeoutSeconds: positive };
/** Keys that mean something only for some strategies. */
const ONLY_FOR: Record<string, StrategyName[]> = {
  networkTimeoutSeconds: ['networkFirst'],
  cacheName: ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
  maxEntries: ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
  maxAgeSeconds: ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
  maxBytes: ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
  statuses: ['cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
  cacheOpaque: ['cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
  perUser: ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'],
};
const ROUTE = {
  ...LIMITS,
  match: text,
  strategy: oneOf(STRATEGIES),
  cacheName: (v: unknown) => (typeof v === 'string' && CACHE_NAME.test(v) ? undefined : 'must be 1-64 letters, digits, "-" or "_"'),
  destination: oneOf(['audio', 'document', 'font', 'image', 'manifest', 'script', 'style', 'track', 'video', 'worker']),
  networkTimeoutSeconds: positive,
  cacheOpaque: bool,
  perUser: bool,
  statuses: (v: unknown) => (Array.isArray(v) && v.length > 0 && v.every((s) => Number.isInteger(s) && s >= 100 && s <= 599) ? undefined : 'must be a non-empty array of HTTP statuses'),
};
const TOP = {
  precache: globs,
  precacheIgnore: globs,
  maxFileSizeBytes: whole(1),
  offlinePage: relativePath,
  offlineImage: relativePath,
  pages: (v: unknown, at: string) => (v === false ? undefined : object(v, at, PAGES)),
  routes: (v: unknown, at: string) => {
    if (!Array.isArray(v)) return 'must be an array of routes';
    const caches = new Map<string, number>();
    for (const [i, r] of v.entries()) {
      object(r, `${at}[${i}]`, ROUTE);
      const route = r as RouteConfig; // checked key by key just above
      for (const key of ['match', 'strategy'] as const) if (!(key in route)) throw fail(`${at}[${i}].${key}`, 'is required', undefined);
      for (const [key, strategies] of Object.entries(ONLY_FOR)) {
        if (key in route && !strategies.includes(route.strategy)) throw fail(`${at}[${i}].${key}`, `has no effect with strategy "${route.strategy}" (it applies to ${strategies.join(', ')})`, undefined);
      }
      if (route.strategy === 'networkOnly') continue;
      const name = routeCacheName(route);
      const other = caches.get(name);
      if (other !== undefined) throw fail(`${at}[${i}]`, `uses cache "${name}"${route.cacheName ? '' : ` (made from its match "${route.match}")`}, already the cache of ${at}[${other}]: give each route its own cacheName, so each keeps its own limits`, undefined);
      caches.set(name, i);
    }
    return undefined;
  },
  directoryIndex: text,
  activate: oneOf(['immediately', 'waiting']),
  precacheConcurrency: whole(1),
  debug: bool,
  inject: bool,
  appShell: (v: unknown, at: string) =>
    object(v, at, {
      url: (u: unknown) => (typeof u === 'string' && u.startsWith('/') ? undefined : 'must be a path starting with "/"'),
      allow: patterns,
      deny: patterns,
      maxAgeSeconds: positive,
      contentTimeoutSeconds: positive,
      perUser: bool,
    }),
  identity: (v: unknown, at: string) =>
    object(v, at, {
      logout: (l: unknown) => (Array.isArray(l) && l.every((p) => typeof p === 'string' && p !== '' && !/[*?#:]/.test(p)) ? undefined : 'must be an array of exact paths (such as "logout/"), without wildcards'),
    }),
  $schema: text,
};

let currentFile = CONFIG_FILE;
const fail = (at: string, problem: string, value: unknown) =>
  new ShellacCliError('config', `${currentFile}: "${at}" ${problem}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`, { file: currentFile, key: at, value });

function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0]!;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = d[j]!;
        d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
        prev = next;
      }
    }
    return d[b.length]!;
  };
  const best = candidates.map((c) => [c, distance(word, c)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= Math.max(2, word.length / 3) ? best[0] : undefined;
}

function object(value: unknown, at: string, shape: Record<string, Check>): undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (!at) throw new ShellacCliError('config', `${currentFile}: the config must be a JSON object ({ "key": value, … }), got ${JSON.stringify(value)}`, { file: currentFile });
    throw fail(at, 'must be an object', value);
  }
  for (const [key, v] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const check = shape[key];
    if (!check) {
      const hint = closest(key, Object.keys(shape).filter((k) => k !== '$schema'));
      throw fail(path, `is not a known key${hint ? ` (did you mean "${hint}"?)` : ''}`, undefined);
    }
    const problem = check(v, path);
    if (problem) throw fail(path, problem, v);
  }
  return undefined;
}

/** Validates a parsed config object; throws a {@link ShellacCliError} naming the file, key and value. */
export function validateConfig(value: unknown, file = CONFIG_FILE): BuildConfig {
  currentFile = file;
  object(value, '', TOP);
  const given = value as Partial<BuildConfig>; // checked key by key above
  const merged: Record<string, unknown> = { ...(DEFAULT_CONFIG.pages as PagesConfig), ...given.pages };
  for (const key of Object.keys(merged)) if (merged[key] === null) delete merged[key];
  const pages = given.pages === false ? false : (merged as PagesConfig); // null limits removed just above
  return { ...DEFAULT_CONFIG, ...given, pages };
}

/**
 * Finds and reads the config: `--config FILE` when given (it must exist), else
 * `shellac.config.json` in the current folder, else in the site folder, else the defaults.
 */
export function loadConfig(siteDir: string, explicit?: string): { config: BuildConfig; file: string | undefined } {
  const candidates = explicit ? [resolve(explicit)] : [resolve(CONFIG_FILE), join(resolve(siteDir), CONFIG_FILE)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    if (explicit) throw new ShellacCliError('config', `--config ${explicit}: no such file`, { file: explicit });
    return { config: { ...DEFAULT_CONFIG }, file: undefined };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ShellacCliError('config', `${file}: not valid JSON (${(e as Error).message})`, { file }); // JSON.parse throws SyntaxError
  }
  return { config: validateConfig(parsed, file), file };
}
