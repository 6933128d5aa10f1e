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
  assert.equal(e.details.key, 'precahe');
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
  assert.match(problem([1, 2]).message, /site\/shellac\.config\.json: the config must be a JSON object/);
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
