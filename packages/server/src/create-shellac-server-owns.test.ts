import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HEADER, PRELOAD_CONTENT } from '@shellac/protocol';
import { shellac } from './testing/shellac.js';

test('a top-level navigation to a content URL is sent to the page; fetches and preloads are not', async () => {
  const server = shellac;
  const nav = await server.handle(new Request('http://x/lessons/3?from_appshell=1&a=b', { headers: { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' } }));
  assert.equal(nav?.status, 302);
  assert.equal(nav?.headers.get('location'), '/lessons/3?a=b');
  assert.equal(await server.handle(new Request('http://x/lessons/3?from_appshell=1', { headers: { 'Sec-Fetch-Dest': 'empty' } })), undefined);
  assert.equal(await server.handle(new Request('http://x/lessons/3?from_appshell=1', { headers: { 'Sec-Fetch-Dest': 'document', 'Service-Worker-Navigation-Preload': 'content' } })), undefined);
});

describe('owns', () => {
  const light = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });
  test('answers exactly for the URLs handle serves, reading the path as a URL parser does', async () => {
    const cases: Array<[string, boolean]> = [
      ['http://x/sw.js', true],
      ['http://x/sw.js?v=2#top', true],
      ['http://x/__shell', true],
      ['http://x/static/css/app.css', true],
      ['http://x/lessons/1', false],
      ['http://x/lessons/1?q=/sw.js', false],
      ['http://x/a/../sw.js', true], // dot segments resolve as the browser would
      ['http://x/%73w.js', false], // an escaped name is another path (as `new URL` keeps it)
      ['http://x/static%2F..%2Fsecret', false],
      ['http://x/a\\..\\sw.js', true], // a backslash is a slash in http URLs
      ['http://x', false],
      ['http://x?from=/sw.js', false],
    ];
    for (const [url, expected] of cases) {
      assert.equal(shellac.owns(light(url)), expected, url);
      // Whatever `owns` claims, `handle` agrees with.
      const served = (await shellac.handle(new Request(url))) !== undefined;
      if (expected) assert.ok(served, `${url} is owned but not served`);
    }
  });

  test('owns a top-level navigation to a content URL (it is redirected), not the preload', () => {
    assert.equal(shellac.owns(light('http://x/lessons/1?from_appshell=1', { 'Sec-Fetch-Dest': 'document' })), true);
    assert.equal(shellac.owns(light('http://x/lessons/1?from%5Fappshell=1', { 'Sec-Fetch-Dest': 'document' })), true);
    assert.equal(shellac.owns(light('http://x/lessons/1?from_appshell=1', { 'Sec-Fetch-Dest': 'document', [HEADER.navigationPreload]: PRELOAD_CONTENT })), false);
    assert.equal(shellac.owns(light('http://x/lessons/1?from_appshell=1', { 'Sec-Fetch-Dest': 'empty' })), false);
  });
});
