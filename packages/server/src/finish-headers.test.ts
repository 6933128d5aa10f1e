import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createShellacServer } from './create-shellac-server.js';
import { makeBuildDir } from './testing/build-dir.js';
import { CASE_IDENTITY, CASE_PATH, headerCaseChecks, renderCase } from './testing/header-cases.js';

// The same table every adapter runs against a real server, here through the core alone: the
// application's Response handed to `finish` with its request's view.
describe('finish: the protocol headers, case by case', () => {
  const build = makeBuildDir();
  after(build.cleanup);
  const shellac = createShellacServer({ buildDir: build.buildDir, shell: () => '', identity: CASE_IDENTITY });
  headerCaseChecks(async (path) => {
    const request = new Request(`http://example.test${path}`);
    const view = shellac.view(request);
    const sent = renderCase(view, new URL(request.url).pathname.slice(CASE_PATH.length));
    return shellac.finish(request, new Response(sent.body, sent), view);
  });
});

// @hono/node-server answers with a light response that becomes a real one, its string body a
// stream, once anything but its headers and status is read: its fast path, lost. Finishing that
// only adds headers must read nothing else.
describe('finish: a response it only adds headers to', () => {
  const build = makeBuildDir();
  after(build.cleanup);
  const shellac = createShellacServer({ buildDir: build.buildDir, shell: () => '' });
  const watched = (body: string, read: string[]) => {
    const response = new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    for (const name of ['body', 'statusText']) {
      Object.defineProperty(response, name, { get: () => (read.push(name), Reflect.get(Response.prototype, name, response)) });
    }
    return response;
  };
  for (const path of ['/page', '/page?from_appshell=1']) {
    test(`${path}: given back as it is, its body and statusText never read`, async () => {
      const request = new Request(`http://example.test${path}`);
      const view = shellac.view(request);
      const read: string[] = [];
      const response = watched(view.layout('<!doctype html><title>Lessons</title><p>all</p>', '<title>Lesson 1</title><p>one</p>'), read);
      const finished = await shellac.finish(request, response, view);
      assert.equal(finished, response);
      assert.deepEqual(read, []);
      assert.equal(finished.headers.get('Vary'), 'Service-Worker-Navigation-Preload');
      assert.equal(finished.headers.get('X-Shellac-Title'), view.contentOnly ? 'Lesson%201' : null);
    });
  }
});
