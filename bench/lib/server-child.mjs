// Child process for `server-throughput`: one web app on a free loopback port, so the load
// generator (autocannon, in the harness) never shares an event loop with it. Prints `{"port":N}`
// once it listens; answers each `cpu` line on stdin with `{"cpu":µs}` (its user + system CPU so
// far, so the harness can charge CPU per request), and `heap-start` / `heap-stop` with
// `{"heap":"started"}` / `{"heapBytes":N}` (bytes allocated in between, garbage included: see
// heap-count.mjs); stops when its stdin closes or on SIGTERM.
//   node bench/lib/server-child.mjs express|hono noop|adapter <buildDir>, or hono bare <buildDir>
// `noop`: the framework with the cheapest middleware it can have (Express: one that calls
// `next()`; Hono: one that sets a header, as Hono has no cheaper useful one); GET /page renders the
// full page, or the content alone for `?from_appshell=1`, chosen by hand as an app that follows
// the protocol without Shellac would. The adapter's cost is measured against this floor.
// `bare` (Hono only): the floor app with no middleware at all.
// `adapter`: the same app with Shellac's adapter mounted first; GET /page renders the full page,
// or the content-only variant for `?from_appshell=1`, through `layout(full, content)`.
import { countHeap } from './heap-count.mjs';
import { fullPage, contentPage } from './page-template.mjs';

const [framework, variant, buildDir] = process.argv.slice(2);
if (!['express', 'hono'].includes(framework) || !['noop', 'adapter', 'bare'].includes(variant) || (variant === 'bare' && framework !== 'hono') || !buildDir) {
  console.error('usage: node server-child.mjs express|hono noop|adapter <buildDir>, or hono bare <buildDir>');
  process.exit(2);
}

// What a bare app links to: its static files at plain paths (no build, no hashed names).
const plainAsset = (name) => `/static/${name}`;

let shellac;
if (variant === 'adapter') {
  const { createShellacServer } = await import('@shellac/server');
  shellac = createShellacServer({ buildDir, shell: () => fullPage(shellac.asset, '') });
}

let server;
if (framework === 'express') {
  const { default: express } = await import('express');
  const app = express();
  if (shellac) {
    const { shellacExpress } = await import('@shellac/server/express');
    app.use(shellacExpress(shellac));
    app.get('/page', (req, res) => {
      const view = req.shellac;
      res.type('html').send(view.layout(() => fullPage(view.asset), () => contentPage())());
    });
  } else {
    app.use(function noop(req, res, next) {
      next();
    });
    app.get('/page', (req, res) => {
      res.type('html').send(req.query.from_appshell === '1' ? contentPage() : fullPage(plainAsset));
    });
  }
  server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error) => (error ? reject(error) : resolve(s)));
  });
} else {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono();
  if (shellac) {
    const { shellacHono } = await import('@shellac/server/hono');
    app.use(shellacHono(shellac));
    app.get('/page', (c) => {
      const view = c.get('shellac');
      return c.html(view.layout(() => fullPage(view.asset), () => contentPage())());
    });
  } else {
    if (variant === 'noop') app.use(async function header(c, next) {
      await next();
      c.header('X-Bench', '1');
    });
    app.get('/page', (c) => c.html(c.req.query('from_appshell') === '1' ? contentPage() : fullPage(plainAsset)));
  }
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
}

console.log(JSON.stringify({ port: server.address().port }));
const stop = () => {
  server.closeAllConnections?.();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  input += d;
  let nl;
  while ((nl = input.indexOf('\n')) >= 0) {
    const line = input.slice(0, nl).trim();
    input = input.slice(nl + 1);
    if (line === 'cpu') {
      const { user, system } = process.cpuUsage();
      console.log(JSON.stringify({ cpu: user + system }));
    } else if (line === 'heap-start' || line === 'heap-stop') void heap(line);
  }
});

// Between heap-start and heap-stop: the bytes allocated (heap-count.mjs).
let stopCounting;
async function heap(line) {
  if (line === 'heap-start') {
    stopCounting = await countHeap();
    return console.log(JSON.stringify({ heap: 'started' }));
  }
  console.log(JSON.stringify({ heapBytes: await stopCounting() }));
}
