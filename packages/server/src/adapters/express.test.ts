import assert from 'node:assert/strict';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { ACCOUNT_PATH, BROKEN_PATH, errorText, LOGOUT_PATH, PAGE_PATH, renderAccount, renderBroken, renderLesson } from '../testing/app.js';
import { CASE_PATH, renderCase } from '../testing/header-cases.js';
import { adapterSuite, closeServer } from '../testing/adapter-checks.js';
import { shellacExpress } from './express.js';

adapterSuite('Express adapter', async (shellac) => {
  const app = express();
  app.use(shellacExpress(shellac));
  app.get(PAGE_PATH, (_req, res) => {
    res.set('Vary', 'Cookie');
    res.type('html').send(renderLesson(res.locals.shellac)); // res.locals, as templates see it
  });
  app.get(ACCOUNT_PATH, (req, res) => {
    res.type('html').send(renderAccount(req.shellac));
  });
  app.post(LOGOUT_PATH, (req, res) => {
    req.shellac.loggedOut();
    res.redirect(303, '/');
  });
  app.all(`${CASE_PATH}:name`, (req, res) => {
    const sent = renderCase(req.shellac, req.params.name);
    res.status(sent.status).set(sent.headers).send(sent.body);
  });
  app.get(BROKEN_PATH, (req, res) => {
    res.type('html').send(renderBroken(req.shellac));
  });
  // A mounted sub-application re-parents `res` to its own prototype: finishing must survive it.
  const sub = express();
  sub.get('/mounted', (_req, res) => {
    res.type('html').send('<!doctype html><title>Mounted page</title><p>Hi');
  });
  // `req.shellac` comes from the request's prototype: a sub-application's inherits it.
  sub.get('/view', (req, res) => {
    res.type('text').send(req.shellac.layout('full', 'content'));
  });
  app.use('/sub', sub);
  app.get('/new-locals', (req, res) => {
    res.locals = { note: 'replaced' } as unknown as typeof res.locals; // an app's own object, as some build it: without Shellac's view
    res.type('html').send(req.shellac.layout('<!doctype html><title>Full</title><main>Hi</main>', '<!doctype html><title>Replaced locals</title><p>Hi'));
  });
  app.get('/reassigned', (req, res) => {
    const first = req.shellac;
    req.shellac = { ...first, contentOnly: true };
    res.type('text').send(`${req.shellac.contentOnly} ${first.contentOnly} ${first === res.locals.shellac}`);
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
  test('pages of a mounted sub-application are finished too', async () => {
    const full = await get('/sub/mounted');
    assert.match(full.headers.get('vary') ?? '', /Service-Worker-Navigation-Preload/);
    const content = await get('/sub/mounted?from_appshell=1');
    assert.equal(content.headers.get('x-shellac-content'), '1');
    assert.equal(content.headers.get('x-shellac-title'), 'Mounted%20page');
  });
  test('req.shellac is the view in a mounted sub-application too, and the same as res.locals.shellac', async () => {
    assert.equal(await (await get('/sub/view')).text(), 'full');
    assert.equal(await (await get('/sub/view?from_appshell=1')).text(), 'content');
    // An application may put its own object there: that request then reads it back.
    assert.equal(await (await get('/reassigned')).text(), 'true false true');
  });
  test('an app that replaces res.locals keeps req.shellac and the headers', async () => {
    const r = await get('/new-locals?from_appshell=1');
    assert.equal(await r.text(), '<!doctype html><title>Replaced locals</title><p>Hi');
    assert.equal(r.headers.get('x-shellac-content'), '1');
    assert.equal(r.headers.get('x-shellac-title'), 'Replaced%20locals');
  });
  test('leaves request bodies to the application (a body parser after Shellac still works)', async () => {
    const r = await get('/echo', { method: 'POST', body: 'note=hello', headers: { 'Content-Type': 'text/plain' } });
    assert.equal(await r.text(), 'note=hello');
  });
});
