import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { cacheable } from '../caches/cacheable.js';
import { createCore } from '../core/create-core.js';
import { cachedUrls } from '../testing/cached-urls.js';
import { fakeClock } from '../testing/fake-clock.js';
import { fetchEnv } from '../testing/fetch-env.js';
import { navigation } from '../testing/navigation.js';
import { testCache } from '../testing/test-cache.js';
import { createAppShell, type AppShellOptions } from './create-app-shell.js';

// Runs in a service worker: the shell is stored in the browser's cache, served by the test server,
// and its age is told by a fake clock.
const server = testServer();
beforeEach(() => server.reset());

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** The shell of scope `/<dir>/` (its URL `/<dir>/shell`) behind a core, as createShellac puts it. */
const setup = (dir: string, options: AppShellOptions = {}, owns?: (response: Response) => boolean) => {
  const clock = fakeClock();
  const shell = createAppShell({ scope: server.url(`/${dir}/`), url: 'shell', now: clock.now, ...options });
  const pages = testCache(`${dir}-pages`);
  const unit = shell.unit({ pages, pagesHandler: async () => new Response('full page'), cacheable: cacheable(), log: () => {}, owns });
  const core = createCore({ units: [unit], log: () => {}, contentPreload: true });
  const ask = async (request: Request) => {
    const { env, settled } = fetchEnv();
    const answered = core(request, env);
    assert.ok(answered, request.url);
    const response = await answered;
    return { response, text: await response.clone().text(), settled };
  };
  return { clock, shell, unit, ask, url: (path: string) => server.url(`/${dir}/${path}`) };
};

test('the cached shell answers at once and is refreshed behind it; a 304 keeps it, a new one shows next time', async () => {
  await server.route('/as1/shell', [
    { body: 'shell 1', headers: { ...HTML, ETag: '"1"' } },
    { status: 304 },
    { body: 'shell 2', headers: { ...HTML, ETag: '"2"' } },
  ]);
  const { ask, unit, url } = setup('as1');
  await unit.install?.();
  for (const expected of ['shell 1', 'shell 1', 'shell 2']) {
    const answer = await ask(navigation(url('lessons/1')));
    assert.equal(answer.text, expected);
    await answer.settled();
  }
  const sent = (await server.requests('/as1/shell')).map((r) => r.headers['if-none-match']);
  assert.deepEqual(sent, [undefined, '"1"', '"1"', '"2"'], 'each refresh asks with the ETag it holds');
});

test('past maxAgeSeconds the network comes first; offline, the old shell still answers', async () => {
  await server.route('/as2/shell', [{ body: 'old shell', headers: HTML }, { body: 'new shell', headers: HTML }, { fail: 'reset' }]);
  const { ask, unit, url, clock } = setup('as2', { maxAgeSeconds: 60 });
  await unit.install?.();
  clock.advance(61_000);
  assert.equal((await ask(navigation(url('a')))).text, 'new shell', 'waited for the network');
  clock.advance(61_000);
  assert.equal((await ask(navigation(url('b')))).text, 'new shell', 'offline: the stale copy');
});

test('without a shell to give, the navigation gets the page itself', async () => {
  await server.route('/as3/shell', { fail: 'reset' });
  const { ask, url } = setup('as3');
  assert.equal((await ask(navigation(url('a')))).text, 'full page');
});

test('a per-user shell stored for someone else is never shown', async () => {
  await server.route('/as4/shell', [{ body: "alice's shell", headers: { ...HTML, 'X-Shellac-User': 'alice' } }, { fail: 'reset' }]);
  const { ask, unit, url } = setup('as4', { perUser: true }, (r) => r.headers.get('X-Shellac-User') === 'bob');
  await unit.install?.();
  assert.equal((await ask(navigation(url('a')))).text, 'full page');
});

test('which navigations take the shell: in scope, allowed, not denied, not a file, not content, not the shell', async () => {
  const { shell, url } = setup('as5', { allow: ['lessons/*', 'api/*'], deny: ['lessons/secret'] });
  const takes = (path: string, init?: RequestInit) => shell.takes(navigation(url(path), init), new URL(url(path)));
  assert.equal(takes('lessons/1'), true);
  assert.equal(takes('about'), false, 'not allowed');
  assert.equal(takes('lessons/secret'), false, 'denied');
  assert.equal(takes('api/lessons'), false, 'api/* is always denied');
  assert.equal(takes('lessons/1.pdf'), false, 'a file');
  assert.equal(takes('lessons/1.html'), true, 'an .html page is a page');
  assert.equal(takes('lessons/1?from_appshell=1'), false);
  assert.equal(takes('lessons/1', { method: 'POST' }), false);
  assert.equal(shell.takes(new Request(url('lessons/1')), new URL(url('lessons/1'))), false, 'not a navigation');
  assert.equal(shell.takes(navigation(server.url('/elsewhere/lessons/1')), new URL(server.url('/elsewhere/lessons/1'))), false);
});

test('content goes network-first into the pages cache, which keeps content responses only', async () => {
  await server.route('/as6/lessons/1', { body: 'lesson 1 content', headers: { ...HTML, 'X-Shellac-Content': '1' } });
  await server.route('/as6/lessons/2', { body: 'a full page by mistake', headers: HTML });
  const { ask, url } = setup('as6');
  for (const path of ['lessons/1?from_appshell=1', 'lessons/2?from_appshell=1']) {
    const answer = await ask(new Request(url(path)));
    await answer.settled();
  }
  assert.deepEqual(await cachedUrls('as6-pages'), ['/as6/lessons/1?from_appshell=1']);
});

test('a content URL opened as a page is sent to the page', async () => {
  const { ask, url } = setup('as7');
  const { response } = await ask(navigation(url('lessons/1?from_appshell=1&x=2')));
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('Location'), url('lessons/1?x=2'));
});

test('the install fails when the server cannot render the shell', async () => {
  await server.route('/as8/shell', [{ status: 500 }, { body: 'content only', headers: { ...HTML, 'X-Shellac-Content': '1' } }]);
  const { unit } = setup('as8');
  await assert.rejects(async () => unit.install?.(), /HTTP 500/);
  await assert.rejects(async () => unit.install?.(), /shell/, 'a content-only response is no shell');
  assert.deepEqual(await cachedUrls(cacheName({ scope: '/as8/', kind: 'shell' })), []);
});
