import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGE } from '@shellac/protocol';
import { content, rendered } from '../../../test-support/content-answers.js';
import { until } from '../../../test-support/page-events.js';
import { shellPage } from '../../../test-support/shell-page.js';
import { ANNOUNCER, activated, serveWorker } from '../../../test-support/service-workers.js';
import { testServer } from '../../../test-support/server.js';
import { createShellLoader } from './shell-loader.js';

// Runs in a page that is the shell: its region gets the content the test server answers with.
// Navigations that would leave the page are held (and recorded) so the tests keep running.
const server = testServer();
const page = shellPage(server);

const start = () => page.use(createShellLoader({ scope: server.url('/app/') }));
const region = () => document.querySelector('[data-shellac-content]')!; // beforeEach writes it
const note = () => region().querySelector('.shellac-offline-copy[role=status]');

test('content the worker rendered shows a quiet offline-copy note above it; the server’s content does not', async () => {
  await server.route('/app/songs/6', rendered('Song 6', '<h1>Song 6</h1>'));
  await server.route('/app/songs/7', content('Song 7', '<h1>Song 7</h1>'));
  const shell = start();
  await shell.navigate('/app/songs/6');
  assert.match(note()?.textContent ?? '', /^Offline copy/);
  assert.equal(region().firstElementChild, note(), 'above the content');
  assert.equal(region().querySelector('h1')?.textContent, 'Song 6');
  await shell.navigate('/app/songs/7');
  assert.equal(note(), null);
  const mine = page.use(createShellLoader({ scope: server.url('/app/'), offlineCopyHtml: '<p class="mine">rendered here</p>' }));
  await mine.navigate('/app/songs/6');
  assert.equal(region().querySelector('.mine')?.textContent, 'rendered here');
});

/** A real worker that posts to this page what it is asked to, as Shellac's worker sends `shellac:fresh`. */
let announcer: Promise<ServiceWorker> | undefined;
const fresh = async (url: string, html: string) => {
  announcer ??= serveWorker(server, '/fresh/sw.js', ANNOUNCER).then(async () => activated(await navigator.serviceWorker.register(server.url('/fresh/sw.js'), { scope: '/fresh/' })));
  const worker = await announcer;
  // A listener added after the loader's runs after it.
  const handled = new Promise((resolve) => navigator.serviceWorker.addEventListener('message', resolve, { once: true }));
  worker.postMessage({ announce: { type: MESSAGE.fresh, url: server.url(url), html } });
  await handled;
};

test('the server’s content for the rendered URL shown replaces the offline copy in place; for another URL, or over the server’s own content, nothing', async () => {
  await server.route('/app/songs/8', rendered('Song 8', '<h1>Song 8</h1><p>from the synced data</p>'));
  await server.route('/app/songs/9', content('Song 9', '<h1>Song 9</h1>'));
  const shell = start();
  await shell.navigate('/app/songs/8');
  await fresh('/app/songs/9?from_appshell=1', '<!doctype html><title>Song 9</title><h1>elsewhere</h1>');
  assert.equal(region().querySelector('h1')?.textContent, 'Song 8', 'not the URL shown');
  await fresh('/app/songs/8?from_appshell=1', '<!doctype html><html><head><title>Song 8 (server)</title></head><body><h1>Song 8</h1><p>from the server</p></body></html>');
  assert.equal(region().textContent, 'Song 8from the server');
  assert.equal(note(), null, 'no longer an offline copy');
  assert.equal(document.title, 'Song 8 (server)');
  assert.equal(location.pathname, '/app/songs/8');
  await shell.navigate('/app/songs/9');
  await fresh('/app/songs/9?from_appshell=1', '<!doctype html><title>Song 9</title><h1>again</h1>');
  assert.equal(region().querySelector('h1')?.textContent, 'Song 9', 'the server’s content is never replaced');
});

test('back online, an offline copy on show is replaced by the server’s content in place, asked again while the worker still renders', async () => {
  const copy = rendered('Song 10', '<h1>Song 10</h1><p>from the synced data</p>');
  await server.route('/app/songs/10', [copy, copy, content('Song 10', '<h1>Song 10</h1><p>from the server</p>')]);
  const shell = start();
  await shell.navigate('/app/songs/10');
  const swaps: MutationRecord[] = [];
  const observer = new MutationObserver((records) => swaps.push(...records));
  observer.observe(region(), { childList: true });
  dispatchEvent(new Event('online')); // what the browser fires when its network comes back
  await until(() => region().textContent === 'Song 10from the server');
  observer.disconnect();
  assert.equal(note(), null);
  assert.equal((await server.requests('/app/songs/10')).length, 3, 'the first answer after the event was still the worker’s');
  assert.equal(swaps.length, 1, 'the copy stayed untouched until the server’s content came');
  dispatchEvent(new Event('online'));
  await shell.navigate('/app/songs/10');
  assert.equal((await server.requests('/app/songs/10')).length, 4, 'the server’s content is not asked for again when online');
});

test('an offline copy shown while the browser is online (the server failed, not the network) asks again by itself', async () => {
  const copy = rendered('Song 11', '<h1>Song 11</h1><p>from the synced data</p>');
  await server.route('/app/songs/11', [copy, copy, content('Song 11', '<h1>Song 11</h1><p>from the server</p>')]);
  assert.equal(navigator.onLine, true);
  const shell = start();
  await shell.navigate('/app/songs/11');
  await until(() => region().textContent === 'Song 11from the server'); // no `online` event
  assert.equal(note(), null);
  assert.equal((await server.requests('/app/songs/11')).length, 3, 'shown, asked at once (still the copy), asked again');
});
