import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { HEADER } from '@shellac/protocol';
import Fastify from 'fastify';
import { ACCOUNT_PATH, BROKEN_PATH, errorText, LOGOUT_PATH, PAGE_PATH, renderAccount, renderBroken, renderLesson } from '../testing/app.js';
import { CASE_PATH, renderCase } from '../testing/header-cases.js';
import { adapterSuite } from '../testing/adapter-checks.js';
import { shellacFastify } from './fastify.js';

adapterSuite('Fastify adapter', async (shellac) => {
  const app = Fastify();
  await app.register(shellacFastify, { shellac });
  app.get(PAGE_PATH, (request, reply) => reply.header('Vary', 'Cookie').type('text/html; charset=utf-8').send(renderLesson(request.shellac)));
  app.get(ACCOUNT_PATH, (request, reply) => reply.type('text/html; charset=utf-8').send(renderAccount(request.shellac)));
  app.post(LOGOUT_PATH, (request, reply) => {
    request.shellac.loggedOut();
    return reply.redirect('/', 303);
  });
  app.get<{ Params: { name: string } }>(`${CASE_PATH}:name`, (request, reply) => {
    const sent = renderCase(request.shellac, request.params.name);
    return reply.code(sent.status).headers(sent.headers).send(sent.body);
  });
  app.get(BROKEN_PATH, (request, reply) => reply.type('text/html; charset=utf-8').send(renderBroken(request.shellac)));
  app.get('/streamed', (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(Readable.from(['<html><head><ti', 'tle>Streamed – ok</title></head>', '<body>rest</body></html>'])),
  );
  app.setErrorHandler((error, _request, reply) => reply.code(500).type('text/plain; charset=utf-8').send(errorText(error)));
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return { origin, close: () => app.close() };
}, (get) => {
  test('a streamed content-only reply gets its title from its head', async () => {
    const r = await get('/streamed?from_appshell=1');
    assert.equal(r.headers.get('vary'), HEADER.navigationPreload);
    assert.equal(r.headers.get(HEADER.content), '1');
    assert.equal(decodeURIComponent(r.headers.get(HEADER.title)!), 'Streamed – ok');
    assert.equal(await r.text(), '<html><head><title>Streamed – ok</title></head><body>rest</body></html>');
  });
});
