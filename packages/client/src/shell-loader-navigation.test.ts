import assert from 'node:assert/strict';
import { test } from 'node:test';
import { content, fullPage } from '../../../test-support/content-answers.js';
import { until } from '../../../test-support/page-events.js';
import { shellPage } from '../../../test-support/shell-page.js';
import { testServer } from '../../../test-support/server.js';
import { createShellLoader } from './shell-loader.js';

// Runs in a page that is the shell: its region gets the content the test server answers with.
// Navigations that would leave the page are held (and recorded) so the tests keep running.
const server = testServer();
const page = shellPage(server);

const start = () => page.use(createShellLoader({ scope: server.url('/app/') }));
const region = () => document.querySelector('[data-shellac-content]')!; // beforeEach writes it
const paths = async () => (await server.requests()).map((r) => r.path);

test('navigate asks for the content alone and swaps it into the region, with its title and URL', async () => {
  await server.route('/app/songs/1', content('Song 1', '<h1>Song 1</h1><p>la la</p>'));
  await start().navigate('/app/songs/1');
  assert.equal(region().textContent, 'Song 1la la');
  assert.equal(document.title, 'Song 1');
  assert.equal(location.pathname, '/app/songs/1');
  assert.equal(document.activeElement, region().querySelector('h1'));
  assert.deepEqual(await paths(), ['/app/songs/1?from_appshell=1']);
});

test("the content's title and metadata replace those before it, never stand beside them", async () => {
  const head = (n: number) => `<meta name="description" content="song ${n}"><meta property="og:title" content="Song ${n}"><link rel="canonical" href="/app/songs/${n}">`;
  await server.route('/app/songs/1', content('Song 1', '<h1>Song 1</h1>', head(1)));
  await server.route('/app/songs/2', content('Song 2', '<h1>Song 2</h1>', head(2)));
  const shell = start();
  await shell.navigate('/app/songs/1');
  await shell.navigate('/app/songs/2');
  const all = (selector: string, attribute: string) => [...document.head.querySelectorAll(selector)].map((e) => e.getAttribute(attribute));
  assert.deepEqual(all('meta[name=description]', 'content'), ['song 2']);
  assert.deepEqual(all('meta[property="og:title"]', 'content'), ['Song 2']);
  assert.deepEqual(all('link[rel=canonical]', 'href'), ['/app/songs/2']);
  assert.equal(document.head.querySelectorAll('title').length, 1);
  assert.equal(document.title, 'Song 2');
});

test('an external script runs once in the life of the page, an inline one with each swap', async () => {
  await server.route('/app/counter.js', { headers: { 'Content-Type': 'text/javascript' }, body: 'window.externalRuns = (window.externalRuns ?? 0) + 1;' });
  const page = content('Counter', '<p>counted</p><script src="/app/counter.js"></script><script>window.inlineRuns = (window.inlineRuns ?? 0) + 1;</script>');
  await server.route('/app/a', page);
  await server.route('/app/b', page);
  const counts = window as Window & { externalRuns?: number; inlineRuns?: number }; // the scripts above set these globals
  const shell = start();
  await shell.navigate('/app/a');
  const script = region().querySelector('script[src]');
  assert.ok(script, 'the external script is in the region');
  await new Promise((resolve, reject) => (script.addEventListener('load', resolve), script.addEventListener('error', reject)));
  await shell.navigate('/app/b');
  await shell.navigate('/app/a');
  assert.equal(counts.externalRuns, 1);
  assert.equal(counts.inlineRuns, 3);
  assert.equal(region().querySelector('script[src]'), null);
  assert.equal((await server.requests('/app/counter.js')).length, 1);
});

test('clicks on page links in scope are taken; files, other origins and scopes, downloads, new tabs and modified clicks are not', async () => {
  const elsewhere = await server.insecureOrigin(); // another origin on the same server
  document.body.insertAdjacentHTML(
    'beforeend',
    `<nav><a id="song" href="/app/songs/2"><span>Song 2</span></a> <a id="file" href="/app/songs/2.pdf">PDF</a>
    <a id="origin" href="${elsewhere}/app/songs/2">mirror</a> <a id="scope" href="/admin/">admin</a>
    <a id="download" href="/app/songs/3" download>save</a> <a id="blank" href="/app/songs/3" target="_blank">new tab</a>
    <a id="ignored" href="/app/songs/3" data-shellac-ignore>ignored</a></nav>`,
  );
  await server.route('/app/songs/2', content('Song 2', '<h1>Song 2</h1>'));
  start();
  /** Whether the loader took the click: a listener added after its own sees, then stops the browser's navigation. */
  const taken = (selector: string, init: MouseEventInit = {}) => {
    let prevented: boolean | undefined;
    const after = (e: Event) => ((prevented = e.defaultPrevented), e.preventDefault());
    addEventListener('click', after);
    document.querySelector(selector)!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init })); // the nav above holds it
    removeEventListener('click', after);
    return prevented;
  };
  for (const id of ['file', 'origin', 'scope', 'download', 'blank', 'ignored']) assert.equal(taken(`#${id}`), false, id);
  for (const key of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey']) assert.equal(taken('#song', { [key]: true }), false, key);
  assert.equal(taken('#song', { button: 1 }), false, 'middle button');
  assert.equal(taken('#song span'), true);
  await until(() => region().textContent === 'Song 2');
  assert.equal(location.pathname, '/app/songs/2');
  assert.deepEqual(await paths(), ['/app/songs/2?from_appshell=1']);
});

test('a GET form in scope loads its result in place; a POST form is left to the browser', async () => {
  document.body.insertAdjacentHTML(
    'beforeend',
    `<form id="search" action="/app/search"><input name="q" value="blue moon"><button name="sort" value="new">Search</button></form>
    <form id="save" action="/app/save" method="post"><input name="q" value="x"></form>`,
  );
  await server.route('/app/search', content('Results', '<h1>Results</h1>'));
  start();
  const prevented: boolean[] = [];
  const after = (e: Event) => (prevented.push(e.defaultPrevented), e.preventDefault());
  addEventListener('submit', after);
  document.querySelector<HTMLFormElement>('#save')!.requestSubmit(); // written above
  document.querySelector<HTMLFormElement>('#search')!.requestSubmit(document.querySelector<HTMLButtonElement>('#search button')); // written above
  removeEventListener('submit', after);
  assert.deepEqual(prevented, [false, true]);
  await until(() => region().textContent === 'Results');
  assert.equal(location.pathname + location.search, '/app/search?q=blue+moon&sort=new');
  assert.deepEqual(await paths(), ['/app/search?q=blue+moon&sort=new&from_appshell=1']);
});

test('back and forward show the content of the URL they go to', async () => {
  await server.route('/app/songs/1', content('Song 1', '<h1>Song 1</h1>'));
  await server.route('/app/songs/2', content('Song 2', '<h1>Song 2</h1>'));
  const shell = start();
  await shell.navigate('/app/songs/1');
  await shell.navigate('/app/songs/2');
  history.back();
  await until(() => region().textContent === 'Song 1');
  assert.equal(location.pathname, '/app/songs/1');
  assert.deepEqual(await paths(), ['/app/songs/1?from_appshell=1', '/app/songs/2?from_appshell=1', '/app/songs/1?from_appshell=1']);
});

test('when the content cannot be had, the region shows the offline block, whose button tries again', async () => {
  await server.route('/app/songs/4', [{ fail: 'reset' }, content('Song 4', '<h1>Song 4</h1>')]);
  await start().navigate('/app/songs/4');
  assert.ok(region().querySelector('.shellac-offline[role=alert]'), 'the offline block shows');
  assert.equal(document.title, 'You are offline');
  assert.equal(location.pathname, '/app/songs/4');
  region().querySelector<HTMLButtonElement>('[data-shellac-retry]')!.click(); // the offline block has it
  await until(() => region().textContent === 'Song 4');
  assert.equal((await server.requests('/app/songs/4')).length, 2);
});

test('a shell with an empty region fills it with the content of the URL it is at', async () => {
  history.replaceState(null, '', '/app/songs/5?key=G');
  region().replaceChildren();
  await server.route('/app/songs/5', content('Song 5', '<h1>Song 5</h1>'));
  start();
  await until(() => region().textContent === 'Song 5');
  assert.deepEqual(await paths(), ['/app/songs/5?key=G&from_appshell=1']);
});

test('a response without X-Shellac-Content: 1 is never injected: the loader goes to it for real', async () => {
  await server.route('/app/private', { status: 302, headers: { Location: '/login' } });
  await server.route('/login', fullPage('Sign in', '<h1>Sign in</h1>'));
  await start().navigate('/app/private');
  // location.assign fires the navigate event at once, before navigate() resolves.
  assert.deepEqual(page.navigations.held, [{ type: 'push', url: server.url('/login') }]);
  assert.equal(region().textContent, 'Home');
  assert.equal(document.title, 'Shell');
});

// Last: showing a full page rewrites this document (document.open), which also drops the
// window's event listeners, the harness's among them.
test('a full page at the very URL the shell is at is shown as that page, never inside the region', async () => {
  history.replaceState(null, '', '/app/plain');
  await server.route('/app/plain', fullPage('Plain', '<main><h1>A page with no content-only form</h1></main>'));
  await start().navigate('/app/plain', false);
  assert.equal(document.querySelector('[data-shellac-content]'), null);
  assert.equal(document.querySelector('main h1')?.textContent, 'A page with no content-only form');
  assert.equal(document.title, 'Plain');
  assert.equal(page.navigations.held.length, 0);
});
