import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { HEADER } from '@shellac/protocol';
import { ACCOUNT_PATH, BROKEN_PATH, errorText, LOGOUT_PATH, PAGE_PATH, renderAccount, renderBroken, renderLesson } from '../testing/app.js';
import { CASE_PATH, renderCase } from '../testing/header-cases.js';
import { adapterSuite, closeServer } from '../testing/adapter-checks.js';
import { withShellac } from './node.js';

adapterSuite(
  'node:http adapter',
  async (shellac) => {
    const server = createServer(
      withShellac(shellac, (req, res) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        try {
          if (path === PAGE_PATH) {
            // writeHead with headers: the adapter must still see the type and merge Vary.
            res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', Vary: 'Cookie' }).end(renderLesson(req.shellac));
          } else if (path === ACCOUNT_PATH) {
            // The view names its person before `end` sends the headers.
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(renderAccount(req.shellac));
          } else if (path === LOGOUT_PATH && req.method === 'POST') {
            req.shellac.loggedOut();
            res.writeHead(303, { Location: '/' }).end();
          } else if (path.startsWith(CASE_PATH)) {
            const sent = renderCase(req.shellac, path.slice(CASE_PATH.length));
            res.writeHead(sent.status, sent.headers).end(sent.body);
          } else if (path === BROKEN_PATH) {
            res.end(renderBroken(req.shellac));
          } else if (path === '/streamed') {
            // A template engine writing in pieces, the title split across two of them.
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.write('<!doctype html><html><head><ti');
            res.write('tle>Streamed – ok</title></head>');
            setTimeout(() => res.end('<body><p>later</p></body></html>'), 10);
          } else if (path === '/whole') {
            // The whole page in one end(), as bytes or as base64 text: its title is read from it as given.
            const page = '<!doctype html><html><head><title>Whole &amp; sent</title></head><body><p>all</p></body></html>';
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            const as = new URL(req.url ?? '/', 'http://localhost').searchParams.get('as');
            // Or a head padded so the title starts at byte `at`: past the first look (3000), or with
            // a two-byte character cut by its end (2041: the fourth é spans bytes 2047 and 2048).
            const at = Number(new URL(req.url ?? '/', 'http://localhost').searchParams.get('at'));
            const open = '<!doctype html><html><head><meta name="pad" content="';
            const padded = () => `${open}${'a'.repeat(at - open.length - 9)}"><title>éééé – padded</title></head><body><p>all</p></body></html>`;
            if (as === 'bytes') res.end(Buffer.from(at ? padded() : page));
            else res.end(Buffer.from(page).toString('base64'), 'base64');
          } else if (path === '/echo') {
            // The request body is still the app's to read: the adapter never touched it.
            const chunks: Buffer[] = [];
            req.on('data', (chunk: Buffer) => chunks.push(chunk));
            req.on('end', () => res.end(Buffer.concat(chunks)));
          } else if (path === '/data.json') {
            res.setHeader('Content-Type', 'application/json');
            res.end('{"ok":true}');
          } else {
            res.writeHead(404).end('Not found');
          }
        } catch (error) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(errorText(error));
        }
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // TCP listener
    return { origin, close: () => closeServer(server) };
  },
  (get) => {
    test('a streamed content-only page gets its title from its head, the rest streamed after', async () => {
      const r = await get('/streamed?from_appshell=1');
      assert.equal(r.headers.get(HEADER.content), '1');
      assert.equal(decodeURIComponent(r.headers.get(HEADER.title)!), 'Streamed – ok');
      assert.equal(await r.text(), '<!doctype html><html><head><title>Streamed – ok</title></head><body><p>later</p></body></html>');
    });

    test('a content-only page sent whole in one end() gets its title, as bytes and as base64 text', async () => {
      for (const as of ['bytes', 'base64']) {
        const r = await get(`/whole?from_appshell=1&as=${as}`);
        assert.equal(decodeURIComponent(r.headers.get(HEADER.title)!), 'Whole & sent', as);
        assert.equal(await r.text(), '<!doctype html><html><head><title>Whole &amp; sent</title></head><body><p>all</p></body></html>');
      }
      for (const at of [3000, 2041]) {
        const r = await get(`/whole?from_appshell=1&as=bytes&at=${at}`);
        const body = await r.text();
        assert.equal(Buffer.byteLength(body.slice(0, body.indexOf('éééé'))), at, 'the test page puts the title where it says');
        assert.equal(decodeURIComponent(r.headers.get(HEADER.title) ?? ''), 'éééé – padded', `title at byte ${at}`);
      }
    });

    test('a streamed full page is not held', async () => {
      const r = await get('/streamed');
      assert.equal(r.headers.get('vary'), HEADER.navigationPreload);
      assert.equal(r.headers.get(HEADER.content), null);
      assert.match(await r.text(), /later/);
    });

    test('non-HTML responses pass through untouched', async () => {
      const r = await get('/data.json?from_appshell=1');
      assert.equal(r.headers.get('vary'), null);
      assert.equal(r.headers.get(HEADER.content), null);
      assert.equal(r.headers.get('content-length'), '11');
      assert.deepEqual(await r.json(), { ok: true });
    });

    test('leaves request bodies to the application', async () => {
      const r = await get('/echo', { method: 'POST', body: 'note=hello' });
      assert.equal(await r.text(), 'note=hello');
    });
  },
);
