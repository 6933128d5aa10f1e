import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cacheName } from '@shellac/protocol';
import { testServer } from '../../../test-support/server.js';
import { createAppShell } from './app-shell/create-app-shell.js';
import type { FetchEnv } from './core/unit.js';
import { createShellac, type Shellac } from './create-shellac.js';
import type { ShellacOptions } from './shellac-options.js';
import { createIdentity } from './identity/create-identity.js';
import { createRouter } from './routing/router.js';
import { cachedUrls } from './testing/cached-urls.js';
import { dressRequest } from './testing/dress-request.js';
import { fetchEnv } from './testing/fetch-env.js';
import { manifestOf, packOf } from './testing/manifest-of.js';
import { navigation } from './testing/navigation.js';

// The whole runtime, as a fetch listener calls it (`handle(request, env)`), in a service worker:
// the precache installs from the test server, and the caches are the browser's.
const server = testServer();
beforeEach(() => server.reset());

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** A site at `/<dir>/`: its manifest and files on the server, and a runtime for it, installed. */
const site = async (dir: string, files: Record<string, string>, options: ShellacOptions = {}) => {
  await server.route(`/${dir}/shellac-manifest.json`, { body: JSON.stringify(await manifestOf('v1', files)) });
  for (const [path, body] of Object.entries(files)) await server.route(`/${dir}/${path}`, { body, headers: HTML });
  const shellac = runtime(dir, options);
  await shellac.precache.install();
  await shellac.ready();
  return shellac;
};
const runtime = (dir: string, options: ShellacOptions = {}) =>
  createShellac({ scope: server.url(`/${dir}/`), scriptUrl: server.url(`/${dir}/sw.js`), version: 'v1', manifest: 'shellac-manifest.json', ...options });

/** The answer to `request`, which the runtime must take; `settled` waits for its background work. */
const answer = async (shellac: Shellac, request: Request, env: Omit<FetchEnv, 'waitUntil'> = {}) => {
  const event = fetchEnv(env);
  const answered = shellac.handle(request, event.env);
  assert.ok(answered, `${request.method} ${request.url} is taken`);
  const response = await answered;
  return { response, text: response.type === 'error' ? '(network error)' : await response.text(), settled: event.settled };
};
const text = async (shellac: Shellac, request: Request, env?: Omit<FetchEnv, 'waitUntil'>) => (await answer(shellac, request, env)).text;
const image = (url: string) => dressRequest(new Request(url), { destination: 'image' });
/** What the server was asked, the manifest aside. */
const asked = async () => (await server.requests()).map((r) => r.path).filter((p) => !p.includes('shellac-manifest.json'));
const fails = async (error: string) => {
  throw new Error(error);
};

test('the precache comes before the shell, the shell before your routes, your routes before the pages cache', async () => {
  const scope = new URL(server.url('/order/'));
  const router = createRouter(scope).add({ url: 'private/*', mode: 'navigate' }, async () => new Response('route'));
  const shell = createAppShell({ scope: scope.href, deny: ['private/*'] });
  await server.route('/__shell', { body: 'shell', headers: HTML });
  await server.route('/order/notes.pdf', { body: 'pdf from the network' });
  const shellac = await site('order', { about: 'precached about' }, { router, shell });

  assert.equal(await text(shellac, navigation(server.url('/order/about'))), 'precached about', 'the shell would take it too');
  assert.equal(await text(shellac, navigation(server.url('/order/lessons/1'))), 'shell');
  assert.equal(await text(shellac, navigation(server.url('/order/private/1'))), 'route', 'the shell denies it, the route takes it');
  const pdf = await answer(shellac, navigation(server.url('/order/notes.pdf')));
  assert.equal(pdf.text, 'pdf from the network', 'neither shell nor route: the pages cache');
  await pdf.settled();
  assert.deepEqual(await cachedUrls(cacheName({ scope: '/order/', kind: 'pages' })), ['/order/notes.pdf']);
  assert.equal(await text(shellac, new Request(server.url('/order/about'))), 'precached about', 'not only navigations');
});

test("the router's default takes only what nothing else took; what nothing takes is the browser's", async () => {
  const scope = new URL(server.url('/rest/'));
  const router = createRouter(scope).setDefault(async () => new Response('default'));
  await server.route('/rest/page', { body: 'page', headers: HTML });
  await server.route('/rest/pic.png', { body: 'png' });
  const shellac = await site('rest', { 'offline.svg': '<svg/>' }, { router, offlineImage: 'offline.svg' });

  assert.equal(await text(shellac, navigation(server.url('/rest/page'))), 'page', 'the pages cache before the default');
  assert.equal(await text(shellac, image(server.url('/rest/pic.png'))), 'png', 'with an offline image, images go through the worker');
  assert.equal(await text(shellac, new Request(server.url('/rest/app.js'))), 'default');
  assert.equal(shellac.handle(new Request(server.url('/rest/form'), { method: 'POST' }), fetchEnv().env), undefined);

  const bare = await site('bare', {});
  assert.equal(bare.handle(new Request(server.url('/bare/app.js')), fetchEnv().env), undefined);
  assert.equal(bare.handle(new Request('https://elsewhere.example/x.js'), fetchEnv().env), undefined);
  assert.equal(bare.handle(image(server.url('/bare/pic.png')), fetchEnv().env), undefined, 'no offline image: images are the browser’s');
});

test("Shellac's own keys (<scope>__shellac/) are left to the browser, even with a default handler", async () => {
  const router = createRouter(new URL(server.url('/keys/'))).setDefault(async () => new Response('default'));
  const shellac = await site('keys', {}, { router });
  assert.equal(shellac.handle(new Request(server.url('/keys/__shellac/debug')), fetchEnv().env), undefined);
  assert.equal(shellac.handle(navigation(server.url('/keys/__shellac/manifest/v1')), fetchEnv().env), undefined);
});

test('a failure is recovered by the catch handler first, then the offline page or image, else a network error', async () => {
  const scope = new URL(server.url('/rescue/'));
  let caught = 0;
  const router = createRouter(scope)
    .add({ url: 'boom', mode: 'navigate' }, () => fails('boom'))
    .add('api/*', () => fails('api down'))
    .setCatch(async (ctx, error) => {
      caught++;
      if (ctx.url.pathname.endsWith('/caught')) return new Response(`caught ${error}`);
      throw error;
    });
  router.add({ url: 'caught', mode: 'navigate' }, () => fails('oops'));
  await server.route('/rescue/lessons/9', { fail: 'reset' });
  await server.route('/rescue/pic.png', { fail: 'reset' });
  const offlinePage = '<html><head><title>Offline</title></head><body>offline</body></html>';
  const shellac = await site('rescue', { 'offline.html': offlinePage, 'offline.svg': '<svg/>' }, { router, offlinePage: 'offline.html', offlineImage: 'offline.svg' });

  assert.equal(await text(shellac, navigation(server.url('/rescue/caught'))), 'caught Error: oops');
  const offline = await text(shellac, navigation(server.url('/rescue/boom')));
  assert.equal(offline, offlinePage.replace('<head>', `<head><base href="${server.url('/rescue/offline.html')}">`), 'the catch handler rethrew');
  assert.match(await text(shellac, navigation(server.url('/rescue/lessons/9'))), /offline/, 'a page the network failed');
  assert.equal(await text(shellac, image(server.url('/rescue/pic.png'))), '<svg/>');
  const api = await answer(shellac, new Request(server.url('/rescue/api/x')));
  assert.equal(api.response.type, 'error', 'nothing to offer a script: the fetch fails as it would without a worker');
  assert.equal(caught, 5, 'the catch handler was asked first every time');
});

test('the first requests after a restart wait for the manifest, then are answered', async () => {
  await site('restart', { 'app.js': 'precached app' });
  await server.reset();
  await server.route('/restart/other.js', { body: 'other from the network' });
  const restarted = runtime('restart');
  // Both asked at once, before the precache's list is read back from the cache.
  const precached = restarted.handle(new Request(server.url('/restart/app.js')), fetchEnv().env);
  const other = restarted.handle(new Request(server.url('/restart/other.js')), fetchEnv().env);
  assert.ok(precached && other, 'neither can be left to the browser before the list is known');
  assert.equal(await (await precached).text(), 'precached app');
  assert.equal(await (await other).text(), 'other from the network', 'nothing takes it: fetched as the browser would');
  assert.deepEqual((await server.requests()).map((r) => r.path), ['/restart/other.js']);
  assert.equal(restarted.handle(new Request(server.url('/restart/else.js')), fetchEnv().env), undefined, 'once loaded, untaken requests are the browser’s');
});

test('the navigation preload reaches navigations only', async () => {
  const scope = new URL(server.url('/preload/'));
  const router = createRouter(scope).add('api/*', async (ctx) => (await ctx.preload) ?? fetch(ctx.request));
  await server.route('/preload/api/x', { body: 'api from the network' });
  const shellac = await site('preload', {}, { router });
  const preload = () => Promise.resolve(new Response('preloaded', { headers: HTML }));

  const page = await answer(shellac, navigation(server.url('/preload/page')), { preload: preload() });
  assert.equal(page.text, 'preloaded');
  await page.settled();
  assert.equal(await text(shellac, new Request(server.url('/preload/api/x')), { preload: preload() }), 'api from the network');
  assert.deepEqual(await asked(), ['/preload/api/x'], 'the page came from the preload alone');
});

test('with the app shell, the content-only preload goes to the shell route alone', async () => {
  const scope = new URL(server.url('/app/'));
  const shell = createAppShell({ scope: scope.href, deny: ['account/*'] });
  await server.route('/__shell', { body: 'shell', headers: HTML });
  await server.route('/app/account/me', { body: 'full account page', headers: HTML });
  const shellac = await site('app', {}, { shell });
  const content = () => Promise.resolve(new Response('lesson content', { headers: { ...HTML, 'X-Shellac-Content': '1' } }));

  const navigated = await answer(shellac, navigation(server.url('/app/lessons/1')), { preload: content() });
  assert.equal(navigated.text, 'shell');
  assert.equal(await text(shellac, new Request(server.url('/app/lessons/1?from_appshell=1'))), 'lesson content', "the shell's content request gets the preload");
  await navigated.settled();
  assert.equal(await text(shellac, navigation(server.url('/app/account/me')), { preload: content() }), 'full account page', 'a navigation the shell does not take never gets content alone');
  assert.deepEqual(await asked(), ['/__shell', '/app/account/me']);
});

test('with identity, a page naming someone else drops the previous person’s pages before it is kept; a logout switches first', async () => {
  const person = (name: string) => ({ body: `${name}'s page`, headers: { ...HTML, 'X-Shellac-User': name } });
  await server.route('/who/home', [person('alice'), person('bob')]);
  await server.route('/who/logout', { status: 303, headers: { Location: '/who/bye' } });
  await server.route('/who/bye', person('anonymous'));
  // A route of yours for the sign-out path: identity's comes first.
  const router = createRouter(new URL(server.url('/who/'))).add({ url: 'logout', method: 'POST' }, async () => new Response('route'));
  const shellac = await site('who', {}, { identity: createIdentity(), router });
  const pagesOf = (owner: string) => cachedUrls(cacheName({ scope: '/who/', kind: 'pages', owner }));

  const alice = await answer(shellac, navigation(server.url('/who/home')));
  await alice.settled();
  assert.deepEqual(await pagesOf('alice'), ['/who/home']);
  const bob = await answer(shellac, navigation(server.url('/who/home')));
  assert.equal(bob.text, "bob's page");
  await bob.settled();
  assert.equal(await caches.has(cacheName({ scope: '/who/', kind: 'pages', owner: 'alice' })), false);
  assert.deepEqual(await pagesOf('bob'), ['/who/home']);

  const loggedOut = await answer(shellac, new Request(server.url('/who/logout'), { method: 'POST' }));
  assert.equal(loggedOut.text, "anonymous's page");
  assert.equal(shellac.identity?.tag, 'anonymous');
  assert.equal(await caches.has(cacheName({ scope: '/who/', kind: 'pages', owner: 'bob' })), false);
});

test('inlined entries: a first install takes the pack named after the version unless sw.js names another, or none', async () => {
  const version = '0123456789abcdef';
  const files = { 'a.css': 'a{}', 'b.js': 'b()' };
  const { entries } = await manifestOf(version, files);
  const pack = { bodyBase64: btoa(String.fromCharCode(...packOf(files))) };
  const installed = async (dir: string, options: ShellacOptions) => {
    await server.route(`/${dir}/shellac-manifest.json`, { body: JSON.stringify({ version }) });
    for (const name of ['shellac-pack.0123456789.bin', 'own.bin']) await server.route(`/${dir}/${name}`, pack);
    for (const [path, body] of Object.entries(files)) await server.route(`/${dir}/${path}`, { body });
    await runtime(dir, { version, entries, ...options }).precache.install();
    return (await asked()).filter((p) => p.startsWith(`/${dir}/`)).sort();
  };
  assert.deepEqual(await installed('pk1', {}), ['/pk1/shellac-pack.0123456789.bin']);
  assert.deepEqual(await installed('pk2', { pack: 'own.bin' }), ['/pk2/own.bin']);
  assert.deepEqual(await installed('pk3', { pack: false }), ['/pk3/a.css', '/pk3/b.js']);
});
