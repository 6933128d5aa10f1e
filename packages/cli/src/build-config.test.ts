import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, validateConfig } from './build-config.js';
import { ShellacCliError } from './errors.js';

const problem = (value: unknown) => {
  try {
    validateConfig(value, 'site/shellac.config.json');
  } catch (e) {
    assert.ok(e instanceof ShellacCliError);
    return e;
  }
  assert.fail('expected an error');
};

test('an empty object gives the defaults', () => {
  assert.deepEqual(validateConfig({}), DEFAULT_CONFIG);
});

test('page limits merge with the defaults', () => {
  const c = validateConfig({ pages: { maxEntries: 5 } });
  assert.equal(c.pages && c.pages.maxEntries, 5);
  assert.equal(c.pages && c.pages.networkTimeoutSeconds, 3);
  assert.equal(validateConfig({ pages: false }).pages, false);
});

test('an unknown key is named, with the closest known key', () => {
  const e = problem({ precahe: ['**/*.css'] });
  assert.match(e.message, /site\/shellac\.config\.json: "precahe" is not a known key \(did you mean "precache"\?\)/);
  assert.deepEqual(e.details.problems, [{ key: 'precahe', problem: 'is not a known key (did you mean "precache"?)', value: undefined }]);
});

test('every problem is reported at once, each with its key, its value and the file', () => {
  const e = problem({
    precahe: ['**/*.css'],
    maxFileSizeBytes: 0,
    pages: { maxEntries: -3, networkTimeoutSeconds: 'fast' },
    routes: [{ match: 'api/*', strategy: 'fastest' }, { strategy: 'cacheFirst', networkTimeoutSeconds: 2 }, 'img/*'],
    activate: 'later',
  });
  assert.equal(e.code, 'config');
  assert.equal(e.details.file, 'site/shellac.config.json');
  assert.deepEqual(e.details.problems, [
    { key: 'precahe', problem: 'is not a known key (did you mean "precache"?)', value: undefined },
    { key: 'maxFileSizeBytes', problem: 'must be a whole number ≥ 1', value: 0 },
    { key: 'pages.maxEntries', problem: 'must be a whole number ≥ 1', value: -3 },
    { key: 'pages.networkTimeoutSeconds', problem: 'must be a number above 0', value: 'fast' },
    { key: 'routes[0].strategy', problem: 'must be one of "networkOnly", "cacheOnly", "cacheFirst", "staleWhileRevalidate", "networkFirst"', value: 'fastest' },
    { key: 'routes[1].match', problem: 'is required', value: undefined },
    { key: 'routes[1].networkTimeoutSeconds', problem: 'has no effect with strategy "cacheFirst" (it applies to networkFirst)', value: undefined },
    { key: 'routes[2]', problem: 'must be an object', value: 'img/*' },
    { key: 'activate', problem: 'must be one of "immediately", "waiting"', value: 'later' },
  ]);
  const lines = e.message.split('\n');
  assert.equal(lines[0], '9 problems in site/shellac.config.json:');
  assert.equal(lines.length, 10);
  assert.equal(lines[3], '  site/shellac.config.json: "pages.maxEntries" must be a whole number ≥ 1, got -3');
  assert.equal(lines[8], '  site/shellac.config.json: "routes[2]" must be an object, got "img/*"');
});

test('the old key "user" is reported as renamed to "identity", with the rest', () => {
  const e = problem({ user: { logout: ['bye'] }, debug: 'yes' });
  assert.deepEqual(e.details.problems, [
    { key: 'user', problem: 'was renamed "identity" (same shape: { "logout": [...] }): rename the key', value: undefined },
    { key: 'debug', problem: 'must be true or false', value: 'yes' },
  ]);
  assert.match(e.message, /^ {2}site\/shellac\.config\.json: "user" was renamed "identity" \(same shape: \{ "logout": \[\.\.\.\] \}\): rename the key$/m);
  // Only at the top: a nested "user" is an unknown key like any other.
  assert.match(problem({ appShell: { user: true } }).message, /"appShell\.user" is not a known key/);
});

test('a bad nested value names its path and the value', () => {
  const e = problem({ pages: { maxEntries: -3 } });
  assert.match(e.message, /"pages\.maxEntries" must be a whole number ≥ 1, got -3/);
  const r = problem({ routes: [{ match: 'api/*', strategy: 'fastest' }] });
  assert.match(r.message, /"routes\[0\]\.strategy" must be one of "networkOnly".*got "fastest"/);
});

test('a route without a strategy is refused', () => {
  assert.match(problem({ routes: [{ match: 'api/*' }] }).message, /"routes\[0\]\.strategy" is required/);
});

test('paths must stay inside the site', () => {
  assert.match(problem({ offlinePage: '../x.html' }).message, /"offlinePage" must be a path inside the site/);
  assert.match(problem({ offlineImage: '/img/x.png' }).message, /"offlineImage" must be a path inside the site/);
});

test('the whole config must be an object', () => {
  const e = problem([1, 2]);
  assert.equal(e.message, 'site/shellac.config.json: the config must be a JSON object ({ "key": value, … }), got [1,2]');
  assert.deepEqual(e.details.problems, [{ key: '', problem: 'must be a JSON object ({ "key": value, … })', value: [1, 2] }]);
});

test('route options a strategy ignores are refused', () => {
  assert.match(problem({ routes: [{ match: 'a/*', strategy: 'cacheFirst', networkTimeoutSeconds: 2 }] }).message, /"routes\[0\]\.networkTimeoutSeconds" has no effect with strategy "cacheFirst"/);
  assert.match(problem({ routes: [{ match: 'a/*', strategy: 'networkOnly', maxEntries: 2 }] }).message, /"routes\[0\]\.maxEntries" has no effect with strategy "networkOnly"/);
  assert.match(problem({ routes: [{ match: 'a/*', strategy: 'networkOnly', method: 'POST' }] }).message, /"routes\[0\]\.method" is not a known key/);
});

test('two routes cannot share a cache, named or derived', () => {
  assert.match(
    problem({ routes: [{ match: 'a/*', strategy: 'cacheFirst', cacheName: 'x' }, { match: 'b/*', strategy: 'networkFirst', cacheName: 'x' }] }).message,
    /"routes\[1\]" uses cache "x", already the cache of routes\[0\]/,
  );
  const ok = validateConfig({ routes: [{ match: 'img/*.png', strategy: 'cacheFirst' }, { match: 'api/*', strategy: 'networkFirst' }] });
  assert.equal(ok.routes.length, 2);
});

test('null removes a default page limit', () => {
  const c = validateConfig({ pages: { maxBytes: null } });
  assert.ok(c.pages && !('maxBytes' in c.pages));
  assert.equal(c.pages && c.pages.maxEntries, 200);
});

test('identity keys: identity.logout takes exact paths, perUser applies to caching routes and the shell', () => {
  const c = validateConfig({ identity: { logout: ['session/end', '/logout/'] }, appShell: { perUser: true }, routes: [{ match: 'api/me/*', strategy: 'networkFirst', perUser: true }] });
  assert.deepEqual(c.identity, { logout: ['session/end', '/logout/'] });
  assert.equal(c.appShell?.perUser, true);
  assert.match(problem({ identity: { logout: ['logout/*'] } }).message, /"identity\.logout" must be an array of exact paths .*got \["logout\/\*"\]/);
  assert.match(problem({ identity: { signout: [] } }).message, /"identity\.signout" is not a known key/);
  assert.match(problem({ routes: [{ match: 'api/*', strategy: 'networkOnly', perUser: true }] }).message, /"routes\[0\]\.perUser" has no effect with strategy "networkOnly"/);
});
