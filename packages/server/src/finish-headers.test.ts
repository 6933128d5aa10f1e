import { after, describe } from 'node:test';
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
