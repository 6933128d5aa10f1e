import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ACCOUNT_PATH, BROKEN_PATH, errorText, LOGOUT_PATH, PAGE_PATH, renderAccount, renderBroken, renderLesson } from '../testing/app.js';
import { CASE_PATH, renderCase } from '../testing/header-cases.js';
import { adapterSuite, closeServer } from '../testing/adapter-checks.js';
import { shellacHono } from './hono.js';

adapterSuite('Hono adapter', async (shellac) => {
  const app = new Hono();
  app.use(shellacHono(shellac));
  app.get(PAGE_PATH, (c) => c.html(renderLesson(c.get('shellac')), 200, { Vary: 'Cookie' }));
  app.get(ACCOUNT_PATH, (c) => c.html(renderAccount(c.get('shellac'))));
  app.post(LOGOUT_PATH, (c) => {
    c.get('shellac').loggedOut();
    return c.redirect('/', 303);
  });
  app.get(`${CASE_PATH}:name`, (c) => {
    const sent = renderCase(c.get('shellac'), c.req.param('name'));
    return new Response(sent.body, sent);
  });
  app.get(BROKEN_PATH, (c) => c.html(renderBroken(c.get('shellac'))));
  app.onError((error, c) => c.text(errorText(error), 500));
  const info = await new Promise<{ server: Server; port: number }>((done) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (address: AddressInfo) => done({ server: server as Server, port: address.port }));
  });
  return { origin: `http://127.0.0.1:${info.port}`, close: () => closeServer(info.server) };
});
