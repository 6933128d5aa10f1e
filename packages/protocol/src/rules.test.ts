import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePathPattern, looksLikeFile, normalizeBase, routeCacheName, wantsContentOnly } from './index.js';

test('route cache names come from the pattern unless named', () => {
  assert.equal(routeCacheName({ match: '/lessons/:id/clip.wav' }), 'lessons-id-clip-wav');
  assert.equal(routeCacheName({ match: 'https://cdn.example.com/*' }), 'cdn-example-com');
  assert.equal(routeCacheName({ match: '/*' }), 'root');
  assert.equal(routeCacheName({ match: '/x', cacheName: 'mine' }), 'mine');
});

test('a path names a file when its last segment has an extension other than .html', () => {
  for (const path of ['/a.css', '/lessons/1/clip.wav', '/x/y.tar', '/.well-known/a.json']) assert.ok(looksLikeFile(path), path);
  for (const path of ['/', '/about', '/about.html', '/a.htm', '/v1.2/', '/lessons/1', '/a.b/c']) assert.ok(!looksLikeFile(path), path);
});

test('a base path gets one leading and one trailing slash', () => {
  assert.equal(normalizeBase(''), '/');
  assert.equal(normalizeBase('/'), '/');
  assert.equal(normalizeBase('static'), '/static/');
  assert.equal(normalizeBase('//static//'), '/static/');
  assert.equal(normalizeBase('/a/b'), '/a/b/');
});

test('path patterns capture segments and the rest, and escape everything else', () => {
  const { regex, names } = compilePathPattern('/lessons/:id/*');
  assert.deepEqual(names, ['id', '*']);
  assert.deepEqual(regex.exec('/lessons/12/clip.wav')?.slice(1), ['12', 'clip.wav']);
  assert.equal(regex.exec('/lessons//clip.wav'), null);
  assert.ok(compilePathPattern('/a.b+c').regex.test('/a.b+c'));
  assert.ok(!compilePathPattern('/a.b').regex.test('/axb'));
});

test('a request wants the content alone by its query parameter (read as URL would) or the preload header', () => {
  const none = { get: () => null };
  const asks = (url: string) => wantsContentOnly({ url, headers: none });
  const byUrl = (url: string) => new URL(url).searchParams.get('from_appshell') === '1';
  const urls = [
    'http://x/a?from_appshell=1', 'http://x/a?b=2&from_appshell=1#top', 'http://x/a?from%5Fappshell=1', 'http://x/a?from_appshell=%31',
    'http://x/a?from_appshell=0', 'http://x/a?from_appshell=1x', 'http://x/a#?from_appshell=1', 'http://x/a#top?from_appshell=1',
    'http://x/from_appshell=1', 'http://x/a?xfrom_appshell=1', 'http://x/a?from_appshell=2&from_appshell=1', 'http://x/a?%', 'http://x/a',
  ];
  for (const url of urls) assert.equal(asks(url), byUrl(url), url);
  assert.equal(wantsContentOnly({ url: 'http://x/a', headers: { get: (name) => (name === 'Service-Worker-Navigation-Preload' ? 'content' : null) } }), true);
});
