import assert from 'node:assert/strict';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { BROKEN_PATH, errorText, PAGE_PATH, renderBroken, renderLesson } from '../testing/app.js';
import { adapterSuite, closeServer } from '../testing/adapter-checks.js';
import { shellacExpress } from './express.js';

adapterSuite('Express adapter', async (shellac) => {
  const app = express();
  app.use(shellacExpress(shellac));
  app.get(PAGE_PATH, (_req, res) => {
    res.set('Vary', 'Cookie');
    res.type('html').send(renderLesson(res.locals.shellac)); // res.locals, as templates see it
  });
  app.get(BROKEN_PATH, (req, res) => {
    res.type('html').send(renderBroken(req.shellac));
  });
  app.post('/echo', express.text({ type: '*/*' }), (req, res) => {
    res.type('text').send(req.body as string);
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).type('text').send(errorText(error));
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((done, fail) => {
    const s = app.listen(0, '127.0.0.1', (error?: Error) => (error ? fail(error) : done(s)));
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) };
}, (get) => {
  test('leaves request bodies to the application (a body parser after Shellac still works)', async () => {
    const r = await get('/echo', { method: 'POST', body: 'note=hello', headers: { 'Content-Type': 'text/plain' } });
    assert.equal(await r.text(), 'note=hello');
  });
});
