import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import express from 'express';
import { createShellacServer } from '../create-shellac-server.js';
import { makeBuildDir } from '../testing/build-dir.js';
import { closeServer } from '../testing/adapter-checks.js';
import { shellacExpress } from './express.js';

// What the Express adapter allocates on the heap per request beyond a no-op middleware, counted
// by V8's sampling heap profiler with what the collections freed (as the server-throughput
// bench counts it; here the client's allocations are counted too, alike on both sides). Eight
// runs: 3.2-3.5 KB for a full page and 5.3-5.6 KB content-only; with the state on the response
// and `req.shellac` set on each request (before they moved, see response-finisher.ts) it was
// 5.9-6.2 and 8.1 KB. One property added to Node's response on each request costs about 1.6 KB.
const REQUESTS = 1500;
const BUDGET = { full: 4_500, content: 7_000 };

const build = makeBuildDir();
after(build.cleanup);

const page = (content: boolean) =>
  content
    ? `<!doctype html><html><head><title>Scales – Songbook</title></head><body>${'<p>A lesson line.</p>'.repeat(150)}</body></html>`
    : `<!doctype html><html><head><title>Scales – Songbook</title></head><body><header>Songbook</header><main>${'<p>A lesson line.</p>'.repeat(150)}</main></body></html>`;

/** An Express app on a free port: the adapter and a layout, or a no-op middleware and a hand-picked template. */
async function serve(adapter: boolean) {
  const app = express();
  if (adapter) {
    app.use(shellacExpress(createShellacServer({ buildDir: build.buildDir, shell: () => page(false) })));
    app.get('/page', (req, res) => void res.type('html').send(req.shellac.layout(page(false), page(true))));
  } else {
    app.use((_req, _res, next) => next());
    app.get('/page', (req, res) => void res.type('html').send(page(req.query.from_appshell === '1')));
  }
  const server = await new Promise<http.Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`, close: () => closeServer(server) }; // a TCP server's address
}

/** The bench's heap counter (a plain JavaScript module outside the packages), as the bench counts. */
interface HeapCount {
  countHeap(): Promise<() => Promise<number>>;
}

/** Heap bytes allocated per request, client included (the same on both sides of a difference). */
async function heapPerRequest(url: string): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () => new Promise<void>((resolve, reject) => {
    http.get(url, { agent }, (res) => void res.resume().on('end', resolve)).on('error', reject);
  });
  for (let i = 0; i < 500; i++) await get(); // warm: the JIT settles before counting
  const { countHeap } = (await import(new URL('../../../../bench/lib/heap-count.mjs', import.meta.url).href)) as HeapCount; // the module's export, as its JSDoc describes it
  const stop = await countHeap();
  for (let i = 0; i < REQUESTS; i++) await get();
  const bytes = await stop();
  agent.destroy();
  return bytes / REQUESTS;
}

for (const [kind, query] of [['full', ''], ['content', '?from_appshell=1']] as const) {
  test(`the Express adapter allocates at most ${BUDGET[kind]} B a request more than a no-op middleware (${kind === 'full' ? 'full page' : 'content-only'})`, async () => {
    const floor = await serve(false);
    const ours = await serve(true);
    try {
      const extra = (await heapPerRequest(ours.url + query)) - (await heapPerRequest(floor.url + query));
      assert.ok(extra <= BUDGET[kind], `the adapter allocated ${Math.round(extra)} B a request more than a no-op middleware; budget ${BUDGET[kind]} B`);
    } finally {
      await Promise.all([floor.close(), ours.close()]);
    }
  });
}
