import { routeCacheName, type RouteConfig, type StrategyName } from '@shellac/protocol';
import { closestWord } from './closest-word.js';

/**
 * One problem of a config: the key's path (`routes[2].cacheName`, or `""` for the whole config),
 * what is wrong, and the value found there (`undefined` when the key itself is the problem: unknown,
 * renamed, missing).
 */
export interface ConfigProblem {
  key: string;
  problem: string;
  value: unknown;
}

/** What is wrong with `value`, if anything; problems of nested keys go to `found`. */
type Check = (value: unknown, at: string, found: ConfigProblem[]) => string | undefined;

const STRATEGIES: readonly StrategyName[] = ['networkOnly', 'cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'];
const CACHE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const CACHING: StrategyName[] = ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst'];
const FETCHING: StrategyName[] = ['cacheFirst', 'staleWhileRevalidate', 'networkFirst'];
/** Route keys that mean something only for some strategies. */
const ONLY_FOR: Record<string, StrategyName[]> = {
  networkTimeoutSeconds: ['networkFirst'],
  cacheName: CACHING,
  maxEntries: CACHING,
  maxAgeSeconds: CACHING,
  maxBytes: CACHING,
  statuses: FETCHING,
  cacheOpaque: FETCHING,
  perUser: CACHING,
};
/** Keys of earlier versions: a specific problem instead of "not a known key". */
const RENAMED: Record<string, string> = {
  user: 'was renamed "identity" (same shape: { "logout": [...] }): rename the key',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const whole = (min: number): Check => (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? undefined : `must be a whole number ≥ ${min}`);
const positive: Check = (v) => (typeof v === 'number' && v > 0 && Number.isFinite(v) ? undefined : 'must be a number above 0');
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
// `includes` answers false for a value of any other type: the cast only lets it be asked.
const oneOf = (values: readonly string[]): Check => (v) => (values.includes(v as string) ? undefined : `must be one of ${values.map((x) => `"${x}"`).join(', ')}`);
const strings = (problem: string): Check => (v) => (Array.isArray(v) && v.every((g) => typeof g === 'string' && g !== '') ? undefined : problem);
const globs = strings('must be an array of glob strings');
const patterns = strings('must be an array of route patterns (such as "lessons/*")');
// `v` is a string once `text` has passed it.
const relativePath: Check = (v, at, found) => text(v, at, found) ?? (/^(\/|[a-z]+:)|(^|\/)\.\.(\/|$)/i.test(v as string) ? 'must be a path inside the site (no leading "/", no "..")' : undefined);
/** In `pages`, `null` removes a default limit. */
const orNull = (check: Check): Check => (v, at, found) => (v === null ? undefined : check(v, at, found));
const object = (shape: Record<string, Check>): Check => (v, at, found) => (isObject(v) ? checkKeys(v, at, shape, found) : 'must be an object');

/** Checks every key of `value` against `shape`, reporting each problem; unknown keys get a "did you mean". */
function checkKeys(value: Record<string, unknown>, at: string, shape: Record<string, Check>, found: ConfigProblem[]): undefined {
  for (const [key, v] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const check = shape[key];
    if (!check) {
      const hint = closestWord(key, Object.keys(shape).filter((k) => k !== '$schema'));
      const renamed = at ? undefined : RENAMED[key];
      found.push({ key: path, problem: renamed ?? `is not a known key${hint ? ` (did you mean "${hint}"?)` : ''}`, value: undefined });
      continue;
    }
    const problem = check(v, path, found);
    if (problem) found.push({ key: path, problem, value: v });
  }
  return undefined;
}

const LIMITS = { maxEntries: whole(1), maxAgeSeconds: positive, maxBytes: whole(1) };
const PAGES = { maxEntries: orNull(LIMITS.maxEntries), maxAgeSeconds: orNull(LIMITS.maxAgeSeconds), maxBytes: orNull(LIMITS.maxBytes), networkTimeoutSeconds: positive };
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

/**
 * Checks one route: its keys, the keys it must have, the keys its strategy ignores, and that its
 * runtime cache is its own (`caches` maps the names taken so far to their route's path).
 */
function checkRoute(route: unknown, at: string, caches: Map<string, string>, found: ConfigProblem[]): void {
  if (!isObject(route)) return void found.push({ key: at, problem: 'must be an object', value: route });
  const before = found.length;
  checkKeys(route, at, ROUTE, found);
  for (const key of ['match', 'strategy']) if (!(key in route)) found.push({ key: `${at}.${key}`, problem: 'is required', value: undefined });
  const strategy = route.strategy as StrategyName; // only used below when it is one of STRATEGIES
  if (!STRATEGIES.includes(strategy)) return;
  for (const [key, strategies] of Object.entries(ONLY_FOR)) {
    if (key in route && !strategies.includes(strategy)) found.push({ key: `${at}.${key}`, problem: `has no effect with strategy "${strategy}" (it applies to ${strategies.join(', ')})`, value: undefined });
  }
  // A cache name is made from a valid match and cacheName only.
  if (found.length > before || strategy === 'networkOnly') return;
  const config = route as unknown as RouteConfig; // every key checked above, with no problem found
  const name = routeCacheName(config);
  const other = caches.get(name);
  if (other === undefined) return void caches.set(name, at);
  found.push({ key: at, problem: `uses cache "${name}"${config.cacheName ? '' : ` (made from its match "${config.match}")`}, already the cache of ${other}: give each route its own cacheName, so each keeps its own limits`, value: undefined });
}

const TOP: Record<string, Check> = {
  precache: globs,
  precacheIgnore: globs,
  maxFileSizeBytes: whole(1),
  offlinePage: relativePath,
  offlineImage: relativePath,
  pages: (v, at, found) => (v === false ? undefined : object(PAGES)(v, at, found)),
  routes: (v, at, found) => {
    if (!Array.isArray(v)) return 'must be an array of routes';
    const caches = new Map<string, string>();
    v.forEach((route, i) => checkRoute(route, `${at}[${i}]`, caches, found));
    return undefined;
  },
  directoryIndex: text,
  activate: oneOf(['immediately', 'waiting']),
  precacheConcurrency: whole(1),
  debug: bool,
  statePage: bool,
  checkSeconds: whole(0),
  inject: bool,
  appShell: object({
    url: (u: unknown) => (typeof u === 'string' && u.startsWith('/') ? undefined : 'must be a path starting with "/"'),
    allow: patterns,
    deny: patterns,
    maxAgeSeconds: positive,
    contentTimeoutSeconds: positive,
    perUser: bool,
  }),
  identity: object({
    logout: (l: unknown) => (Array.isArray(l) && l.every((p) => typeof p === 'string' && p !== '' && !/[*?#:]/.test(p)) ? undefined : 'must be an array of exact paths (such as "logout/"), without wildcards'),
  }),
  pack: (v: unknown, at: string, found: ConfigProblem[]) => (v === false ? undefined : object({ maxBytes: whole(1) })(v, at, found)),
  worker: (v: unknown, at: string, found: ConfigProblem[]) =>
    typeof v === 'string'
      ? text(v, at, found)
      : object({
          entry: text,
          data: (d: unknown, path: string, inner: ConfigProblem[]) => {
            if (!Array.isArray(d)) return 'must be an array of { "name", "url", "perUser"? }';
            d.forEach((source, i) => {
              const key = `${path}[${i}]`;
              const problem = object({ name: text, url: text, perUser: bool })(source, key, inner);
              if (problem) inner.push({ key, problem, value: source });
              else if (!('name' in source && 'url' in source)) inner.push({ key, problem: 'needs a "name" and a "url"', value: source });
            });
            return undefined;
          },
          renderFirst: bool,
          syncSeconds: positive,
        })(v, at, found),
  save: object({
    concurrency: whole(1),
    also: strings('must be an array of URLs of the site (such as "offline/")'),
  }),
  $schema: text,
};

/** Every problem of a parsed `shellac.config.json`, in the order of its keys; `[]` when it is valid. */
export function configProblems(value: unknown): ConfigProblem[] {
  if (!isObject(value)) return [{ key: '', problem: 'must be a JSON object ({ "key": value, … })', value }];
  const found: ConfigProblem[] = [];
  checkKeys(value, '', TOP, found);
  return found;
}
