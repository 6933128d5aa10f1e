import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { MESSAGE, SAVE_MESSAGE } from '@shellac/protocol';
import { testServer, type Answer } from '../../../../test-support/server.js';
import { createAppShell } from '../app-shell/create-app-shell.js';
import { createShellac, type Shellac } from '../create-shellac.js';
import { createSaved, type Saved } from '../save/create-saved.js';
import { fakeClock } from '../testing/fake-clock.js';
import { fetchEnv } from '../testing/fetch-env.js';
import { manifestOf } from '../testing/manifest-of.js';
import { navigation } from '../testing/navigation.js';
import { routeContext } from '../testing/route-context.js';
import { testCache } from '../testing/test-cache.js';
import { taggedFor, testIdentity } from '../testing/test-identity.js';
import { createWorkerApp, type WorkerAppHandler, type WorkerAppOptions } from './create-worker-app.js';

// Runs in a service worker: the app renders from data synced from the test server into the
// browser's caches; "offline" is the server closing the connection.
const server = testServer();
beforeEach(() => server.reset());

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const CONTENT = { ...HTML, 'X-Shellac-Content': '1' };
const OFFLINE: Answer = { fail: 'reset' };
const fromServer = (text: string): Answer => ({ body: text, headers: CONTENT });
const lessonsJson = (titles: Record<string, string>): Answer => ({ body: JSON.stringify(titles), headers: { 'Content-Type': 'application/json' } });

/**
 * An app as a site would write it: `lessons/<n>` from the synced titles, with the sheet music when
 * this device holds it. It declines what its data lacks (404), and breaks on lesson 4.
 */
const lessonsApp: WorkerAppHandler = async (request, env) => {
  const url = new URL(request.url);
  const n = /\/lessons\/(\d+)$/.exec(url.pathname)?.[1];
  if (n === '4') throw new Error('the template broke');
  const title = n && (await env.data.read<Record<string, string>>('lessons'))?.[n];
  if (!title) return new Response('no such lesson', { status: 404 });
  const sheet = (await env.cached(`lessons/${n}/sheet.svg`)) ? '<img src="sheet.svg">' : '<p>sheet music not on this device</p>';
  const body = `<h1>${title}</h1>${sheet}`;
  return new Response(url.searchParams.has('from_appshell') ? body : `<!doctype html><title>${title}</title>${body}`, { headers: url.searchParams.has('from_appshell') ? CONTENT : HTML });
};

const DATA = [{ name: 'lessons', url: 'api/lessons.json' }];

/** A whole runtime at `/<dir>/`: app shell, save for offline, and the app; its saved unit kept to save with. */
const site = async (dir: string, app: Partial<WorkerAppOptions> = {}) => {
  const scope = server.url(`/${dir}/`);
  await server.route(`/${dir}/shellac-manifest.json`, { body: JSON.stringify(await manifestOf('v1', {})) });
  await server.route(`/${dir}/shell`, { body: '<main data-shellac-content></main>', headers: HTML });
  const clock = fakeClock();
  let saved: Saved | undefined;
  const savedFeature = createSaved();
  const shellac = createShellac({
    scope, scriptUrl: `${scope}sw.js`, version: 'v1', manifest: 'shellac-manifest.json', now: clock.now,
    shell: createAppShell({ scope, url: 'shell', contentTimeoutSeconds: 0.3, deny: ['print/*'] }),
    saved: { ...savedFeature, from: (services, siblings) => (saved = savedFeature.from(services, siblings)) },
    app: createWorkerApp({ app: lessonsApp, data: DATA, ...app }),
  });
  await shellac.precache.install();
  await shellac.ready();
  const url = (path: string) => `${scope}${path}`;
  const save = (path: string) => saved!.messages![SAVE_MESSAGE.save]!({ id: path, urls: [url(path)] });
  return { shellac, clock, url, save };
};

const answer = async (shellac: Shellac, request: Request) => {
  const event = fetchEnv();
  const response = await shellac.handle(request, event.env)!;
  return { response, text: response.type === 'error' ? '(network error)' : await response.text(), rendered: response.headers.get('X-Shellac-Rendered'), settled: event.settled };
};
const content = (url: string) => new Request(`${url}?from_appshell=1`);

test('offline: the last visit’s copy, then the app’s render, then a saved copy, then nothing', async () => {
  const { shellac, url, save } = await site('wa1');
  await server.route('/wa1/api/lessons.json', lessonsJson({ 1: 'One', 2: 'Two', 5: 'Five' }));
  await server.route('/wa1/lessons/1', fromServer('lesson 1 from the server'));
  await server.route('/wa1/lessons/2', fromServer('lesson 2 from the server'));
  await server.route('/wa1/lessons/3', fromServer('lesson 3 from the server'));
  const home = await answer(shellac, navigation(url('')));
  await home.settled(); // the first navigation synced the data
  await (await answer(shellac, content(url('lessons/1')))).settled(); // visited: kept
  assert.equal(((await save('lessons/2')) as { ok: boolean }).ok, true);
  assert.equal(((await save('lessons/3')) as { ok: boolean }).ok, true);
  await caches.open('media').then((c) => c.put(url('lessons/5/sheet.svg'), new Response('<svg/>')));
  for (const n of [1, 2, 3, 4, 5]) await server.route(`/wa1/lessons/${n}`, OFFLINE);

  const kept = await answer(shellac, content(url('lessons/1')));
  assert.deepEqual([kept.text, kept.rendered], ['lesson 1 from the server', null], 'the server’s copy comes before any render');
  const rendered = await answer(shellac, content(url('lessons/2')));
  assert.deepEqual([rendered.text, rendered.rendered], ['<h1>Two</h1><p>sheet music not on this device</p>', 'worker'], 'the render comes before a saved copy');
  assert.equal(rendered.response.headers.get('X-Shellac-Content'), '1');
  const savedCopy = await answer(shellac, content(url('lessons/3')));
  assert.deepEqual([savedCopy.text, savedCopy.rendered], ['lesson 3 from the server', null], 'declined (404): the saved copy');
  assert.equal((await answer(shellac, content(url('lessons/4')))).text, '(network error)', 'a render that throws is no answer either');
  assert.equal((await answer(shellac, content(url('lessons/5')))).text, '<h1>Five</h1><img src="sheet.svg">', 'env.cached sees what this device holds');
});

test('a slow server: the render answers after the content timeout, and the late answer is kept for next time', async () => {
  const { shellac, url } = await site('wa2');
  await server.route('/wa2/api/lessons.json', lessonsJson({ 1: 'One' }));
  await (await answer(shellac, navigation(url('')))).settled();
  await server.route('/wa2/lessons/1', { ...fromServer('late lesson 1'), delay: 1500 });
  const slow = await answer(shellac, content(url('lessons/1')));
  assert.deepEqual([slow.text, slow.rendered], ['<h1>One</h1><p>sheet music not on this device</p>', 'worker']);
  await slow.settled();
  await server.route('/wa2/lessons/1', OFFLINE);
  assert.equal((await answer(shellac, content(url('lessons/1')))).text, 'late lesson 1');
});

test('a navigation the shell does not take is rendered whole by the app, through the pages route', async () => {
  const { shellac, url } = await site('wa3');
  await server.route('/wa3/api/lessons.json', lessonsJson({ 7: 'Seven' }));
  await (await answer(shellac, navigation(url('')))).settled();
  await server.route('/wa3/print/lessons/7', OFFLINE);
  const page = await answer(shellac, navigation(url('print/lessons/7')));
  assert.deepEqual([page.text, page.rendered], ['<!doctype html><title>Seven</title><h1>Seven</h1><p>sheet music not on this device</p>', 'worker']);
});

test('renderFirst in the runtime: the server’s content is kept by the pages cache’s rules (no-store never)', async () => {
  const { shellac, url } = await site('wa9', { renderFirst: true });
  await server.route('/wa9/api/lessons.json', lessonsJson({ 1: 'One', 2: 'Two' }));
  await (await answer(shellac, navigation(url('')))).settled();
  await server.route('/wa9/lessons/1', fromServer('lesson 1 from the server'));
  await server.route('/wa9/lessons/2', { body: 'lesson 2, not to be stored', headers: { ...CONTENT, 'Cache-Control': 'no-store' } });
  for (const n of [1, 2]) {
    const first = await answer(shellac, content(url(`lessons/${n}`)));
    assert.equal(first.rendered, 'worker');
    await first.settled();
  }
  assert.equal(await (await shellac.pages?.match(`${url('lessons/1')}?from_appshell=1`))?.text(), 'lesson 1 from the server');
  assert.equal(await shellac.pages?.match(`${url('lessons/2')}?from_appshell=1`), undefined);
});

/** The app unit alone, started as the runtime starts it, with a pages cache and what it broadcast. */
const unitOf = (dir: string, options: Partial<WorkerAppOptions> = {}, identity = false) => {
  const scope = new URL(server.url(`/${dir}/`));
  const clock = fakeClock();
  const kept = testCache(`${dir}-pages`);
  const told: Record<string, unknown>[] = [];
  const owner = identity ? testIdentity(scope) : undefined;
  const unit = createWorkerApp({ app: lessonsApp, data: DATA, ...options }).start({
    scope, now: clock.now, log: () => {}, owner, observe: owner && (() => owner.watch({})),
    keep: (request, response) => kept.put(request, response),
    broadcast: async (message) => void told.push(message as Record<string, unknown>), // messages are records
  });
  const pages = unit.layer(kept);
  return { unit, pages, kept, told, clock, owner, url: (path: string) => new URL(path, scope).href };
};

/** Routes `request` through the unit, as the core would; undefined when the unit leaves it. */
const routed = async (unit: ReturnType<typeof unitOf>['unit'], request: Request, observe?: (r: Response) => Promise<void>) => {
  const route = unit.route?.(request, new URL(request.url));
  if (!route) return undefined;
  const { ctx, settled } = routeContext(request, { observe });
  const response = await route.handler(ctx).catch(() => Response.error());
  return { response, text: response.type === 'error' ? '(network error)' : await response.text(), rendered: response.headers.get('X-Shellac-Rendered'), settled };
};

test('renderFirst: the render at once, the server’s answer kept and sent to the pages behind it', async () => {
  const { unit, kept, told, url } = unitOf('wa4', { renderFirst: true });
  await server.route('/wa4/api/lessons.json', lessonsJson({ 1: 'One' }));
  await unit.install?.();
  await server.route('/wa4/lessons/1', { ...fromServer('lesson 1 from the server'), delay: 300 });
  const started = Date.now();
  const first = (await routed(unit, content(url('lessons/1'))))!;
  assert.deepEqual([first.text, first.rendered], ['<h1>One</h1><p>sheet music not on this device</p>', 'worker']);
  assert.ok(Date.now() - started < 300, 'answered before the server');
  assert.deepEqual(told, [], 'nothing sent before the server answered');
  await first.settled();
  assert.deepEqual(told, [{ type: MESSAGE.fresh, url: `${url('lessons/1')}?from_appshell=1`, html: 'lesson 1 from the server' }]);
  assert.equal(await (await kept.match(`${url('lessons/1')}?from_appshell=1`))?.text(), 'lesson 1 from the server');
  assert.equal(unit.route?.(navigation(url('lessons/1')), new URL(url('lessons/1'))), undefined, 'navigations get the shell');
  assert.equal(unit.route?.(new Request(url('lessons/1')), new URL(url('lessons/1'))), undefined, 'nor any other request');
});

test('renderFirst: a render the app declines asks the server once, and offline falls back to the kept copy', async () => {
  const { unit, kept, told, url } = unitOf('wa5', { renderFirst: true });
  await server.route('/wa5/api/lessons.json', lessonsJson({}));
  await unit.install?.();
  await server.route('/wa5/lessons/9', fromServer('lesson 9 from the server'));
  const online = (await routed(unit, content(url('lessons/9'))))!;
  assert.deepEqual([online.text, online.rendered], ['lesson 9 from the server', null]);
  await online.settled();
  assert.equal((await server.requests('/wa5/lessons/9')).length, 1, 'one request, not one for the page and one to send it');
  assert.deepEqual(told, [], 'the page shows the server’s answer already');
  assert.ok(await kept.match(`${url('lessons/9')}?from_appshell=1`));
  await server.route('/wa5/lessons/9', OFFLINE);
  assert.equal((await routed(unit, content(url('lessons/9'))))!.text, 'lesson 9 from the server');
});

test('renderFirst: the server’s answer goes through identity before it is kept, and a full page is never kept as content', async () => {
  const { unit, kept, told, url } = unitOf('wa6', { renderFirst: true });
  await server.route('/wa6/api/lessons.json', lessonsJson({ 1: 'One', 2: 'Two' }));
  await unit.install?.();
  await server.route('/wa6/lessons/1', { body: 'lesson 1 for alice', headers: { ...CONTENT, 'X-Shellac-User': 'alice' } });
  await server.route('/wa6/lessons/2', { body: '<!doctype html><h1>Sign in</h1>', headers: HTML });
  const seen: string[] = [];
  const one = (await routed(unit, content(url('lessons/1')), async (r) => void seen.push(r.headers.get('X-Shellac-User') ?? '')))!;
  await one.settled();
  assert.deepEqual(seen, ['alice'], 'the request’s own observer saw it');
  const two = (await routed(unit, content(url('lessons/2'))))!;
  await two.settled();
  assert.equal(await kept.match(`${url('lessons/2')}?from_appshell=1`), undefined);
  assert.deepEqual(told.map((m) => m.url), [`${url('lessons/1')}?from_appshell=1`], 'nor sent to the page to put in its content region');
});

test('data syncs at install, on navigations and content requests every syncSeconds, when the person changes, and when asked', async () => {
  const { unit, clock, url, owner } = unitOf('wa7', { syncSeconds: 60 }, true);
  await server.route('/wa7/api/lessons.json', [{ ...lessonsJson({ 1: 'One' }), headers: { 'Content-Type': 'application/json', ETag: '"1"' } }, { status: 304 }]);
  const syncs = async () => (await server.requests('/wa7/api/lessons.json')).length;
  const arrive = async (request: Request) => {
    const { env, settled } = fetchEnv();
    unit.arrive?.(request, new URL(request.url), env);
    await settled();
  };
  await unit.install?.();
  assert.equal(await syncs(), 1);
  await arrive(navigation(url('lessons/1')));
  await arrive(new Request(url('lessons/1/sheet.svg')));
  assert.equal(await syncs(), 1, 'within syncSeconds, and not for files');
  clock.advance(60_000);
  await arrive(content(url('lessons/1')));
  assert.equal(await syncs(), 2, 'a content request is the app shell’s navigation');
  await owner!.watch({})(taggedFor('alice'));
  await arrive(content(url('lessons/2')));
  assert.equal(await syncs(), 3, 'another person: their data at once');
  assert.deepEqual(await unit.messages![MESSAGE.sync]!({ type: MESSAGE.sync }), { ok: true, synced: [] });
  assert.equal(await syncs(), 4);
  // Another person while a sync is on its way: that sync starts over for them (one more
  // request), and the navigation that follows shares it rather than starting its own.
  await server.route('/wa7/api/lessons.json', { status: 304, delay: 300 });
  clock.advance(60_000);
  const both = fetchEnv();
  unit.arrive?.(navigation(url('lessons/3')), new URL(url('lessons/3')), both.env);
  await owner!.watch({})(taggedFor('carol'));
  unit.arrive?.(navigation(url('lessons/4')), new URL(url('lessons/4')), both.env);
  await both.settled();
  assert.equal(await syncs(), 6);
});

test('a request is rendered; a URL alone is a lookup, never a render', async () => {
  let seen: Request | undefined;
  const { pages, url } = unitOf('wa8', { app: async (request) => ((seen = request), new Response('page', { headers: HTML })) });
  const hit = await pages.match(navigation(url('about')));
  assert.equal(await hit?.text(), 'page');
  assert.equal(seen?.url, url('about'));
  assert.equal(await pages.match(url('about')), undefined);
});
