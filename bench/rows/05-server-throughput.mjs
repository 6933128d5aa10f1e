// server-throughput: requests per second of a server-rendered page, with Shellac's server adapter
// and with the cheapest middleware of the same framework. OURS: Express 5 + `shellacExpress`
// rendering the full page. PEER: the same Express app with a no-op middleware instead. Also Hono 4
// (@hono/node-server): the adapter against a middleware that sets one header; and for both, the
// content-only variant (`?from_appshell=1`) against the same app picking its template by hand.
// Each app runs in its own child process; autocannon runs here (10 connections, 5 s, after a 1 s
// warm-up). Contenders alternate, order rotating. Where `taskset` exists and there are two cores
// or more, servers are pinned to one core and autocannon to another: unpinned, the two fight
// over the same cores and one contender's figure swung by 30% from run to run. Each run also
// records the server's CPU time per request, which load-generator noise does not touch.
import { join } from 'node:path';
import http from 'node:http';
import autocannon from 'autocannon';
import { medianRatio, summary } from '../lib/stats.mjs';
import { cpuBusy } from '../lib/machine.mjs';
import { pinning, pinSelf } from '../lib/pinning.mjs';
import { buildSongbook, hasShellacServerBuild } from '../lib/songbook.mjs';
import { cliMissing } from '../lib/shellac.mjs';
import { startServer } from '../lib/start-server.mjs';

export const id = 'server-throughput';
export const what = 'req/s of a ~5 KB server-rendered page, Express 5 + Shellac adapter vs Express + a no-op middleware (higher is better)';
export const unit = 'req/s';
// Issue 13: ≥ 0.97 × the no-op middleware's req/s, full pages and content-only, Express and Hono.
export const goal = { against: 'peer', min: 0.97 };
export const peerName = 'Express no-op';

const CONNECTIONS = 10;
const DURATION_S = 3;
const WARMUP_S = 1;
const CONTENT = '?from_appshell=1';
const HEAP_REQUESTS = 2000;

/** One autocannon run; throws if any request failed or was not a 200. */
async function load(url, duration) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration });
  if (r.errors || r.timeouts || r.non2xx) throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`);
  return r;
}

/**
 * The server's heap allocation per request (garbage included): `HEAP_REQUESTS` requests one after
 * another on one kept-alive connection, between the child's heap-start and heap-stop. The
 * requests are sent from this process, so only the server's own allocations are counted.
 */
async function heapPerRequest(c) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () => new Promise((resolve, reject) => {
    http.get(c.url, { agent }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${c.url}: ${res.statusCode}`));
      res.resume().on('end', resolve);
    }).on('error', reject);
  });
  try {
    await c.server.heap('start');
    for (let i = 0; i < HEAP_REQUESTS; i++) await get();
    return Math.round((await c.server.heap('stop')) / HEAP_REQUESTS);
  } finally {
    agent.destroy();
  }
}

/** Checks once that each contender answers what it should, and records its body size. */
async function check(name, url, { shellacHeaders, contentOnly }) {
  const res = await fetch(url);
  const body = await res.text();
  const problems = [];
  if (res.status !== 200) problems.push(`status ${res.status}`);
  if (!res.headers.get('content-type')?.startsWith('text/html')) problems.push(`content-type ${res.headers.get('content-type')}`);
  const vary = /service-worker-navigation-preload/i.test(res.headers.get('vary') ?? '');
  if (vary !== shellacHeaders) problems.push(`Vary: ${res.headers.get('vary')}`);
  if ((res.headers.get('x-shellac-content') === '1') !== (contentOnly && shellacHeaders)) problems.push(`X-Shellac-Content: ${res.headers.get('x-shellac-content')}`);
  if (contentOnly && shellacHeaders && !res.headers.get('x-shellac-title')) problems.push('no X-Shellac-Title');
  if (contentOnly === /<main /.test(body)) problems.push(contentOnly ? 'full page for a content-only request' : 'no <main> in the full page');
  if (problems.length) throw new Error(`${name} (${url}): ${problems.join(', ')}`);
  return Buffer.byteLength(body);
}

export async function run(ctx) {
  if (!hasShellacServerBuild()) throw cliMissing();
  const busyBefore = await cpuBusy();
  if (busyBefore > 0.2) ctx.log(`warning: the CPUs were ${Math.round(busyBefore * 100)}% busy before the row started: other work is running, figures will be noisy`);
  const buildDir = join(ctx.tmp, 'build');
  await buildSongbook(buildDir); // the adapter serves a real `shellac build --app` output
  const pin = pinning();
  ctx.log(pin ? `pinned: servers on core ${pin.server}, autocannon on core ${pin.load}` : 'not pinned (no taskset or one core): figures will be noisier');

  const servers = {};
  try {
    for (const framework of ['express', 'hono']) {
      for (const variant of framework === 'hono' ? ['noop', 'adapter', 'bare'] : ['noop', 'adapter']) servers[`${framework}-${variant}`] = await startServer(framework, variant, buildDir, pin);
    }
    if (pin) pinSelf(pin.load);
    const contender = (server, query, shellacHeaders, contentOnly) => ({ server: servers[server], url: `${servers[server].url}/page${query}`, shellacHeaders, contentOnly });
    const contenders = {
      expressNoop: contender('express-noop', '', false, false),
      expressAdapter: contender('express-adapter', '', true, false),
      expressNoopContent: contender('express-noop', CONTENT, false, true),
      expressAdapterContent: contender('express-adapter', CONTENT, true, true),
      honoHeader: contender('hono-noop', '', false, false),
      honoAdapter: contender('hono-adapter', '', true, false),
      honoHeaderContent: contender('hono-noop', CONTENT, false, true),
      honoAdapterContent: contender('hono-adapter', CONTENT, true, true),
      // Hono with no middleware at all: beside the floor, as a header set after next() makes
      // @hono/node-server's light response a real one (its string body a stream).
      honoBare: contender('hono-bare', '', false, false),
      honoBareContent: contender('hono-bare', CONTENT, false, true),
    };
    const bodyBytes = {};
    for (const [name, c] of Object.entries(contenders)) bodyBytes[name] = await check(name, c.url, c);
    ctx.log(`body bytes: ${Object.entries(bodyBytes).map(([k, v]) => `${k} ${v}`).join(', ')}`);

    const names = Object.keys(contenders);
    const samples = Object.fromEntries(names.map((k) => [k, []]));
    const latency = Object.fromEntries(names.map((k) => [k, []]));
    const cpuPerRequest = Object.fromEntries(names.map((k) => [k, []]));
    for (let i = 0; i < ctx.runs; i++) {
      const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
      const line = [];
      for (const name of order) {
        const c = contenders[name];
        if (ctx.warmup > 0) await load(c.url, WARMUP_S);
        const cpuBefore = await c.server.cpu();
        const r = await load(c.url, DURATION_S);
        const cpuAfter = await c.server.cpu();
        samples[name].push(r.requests.average);
        // Includes the few microseconds of answering the `cpu` probe itself: noise next to 5 s of work.
        cpuPerRequest[name].push((cpuAfter - cpuBefore) / r.requests.total);
        latency[name].push(r.latency.average);
        line.push(`${name} ${Math.round(r.requests.average)}`);
      }
      ctx.log(`run ${i + 1}/${ctx.runs} (req/s): ${line.join(', ')}`);
    }

    // Once each, after the timed runs (the servers are warm): a figure the machine's load leaves alone.
    const heapBytes = {};
    for (const name of names) heapBytes[name] = await heapPerRequest(contenders[name]);
    ctx.log(`heap bytes per request: ${names.map((n) => `${n} ${heapBytes[n]}`).join(', ')}`);

    const s = Object.fromEntries(names.map((n) => [n, summary(samples[n], 0)]));
    const ratio = (a, b) => medianRatio(s, a, b);
    const cpu = Object.fromEntries(names.map((n) => [n, summary(cpuPerRequest[n], 1)]));
    // CPU is the cost, so floor ÷ adapter: 0.95 means the adapter's requests cost 1/0.95 as much.
    const cpuRatio = (adapter, floor) => medianRatio(cpu, floor, adapter);
    const pairs = [
      ['Express content-only', 'expressAdapterContent', 'expressNoopContent'],
      ['Hono header middleware', 'honoAdapter', 'honoHeader'],
      ['Hono content-only', 'honoAdapterContent', 'honoHeaderContent'],
    ];
    const µs = (n) => cpu[n].median;
    return {
      ours: s.expressAdapter.median,
      peer: s.expressNoop.median,
      runs: ctx.runs,
      min: { ours: s.expressAdapter.min, peer: s.expressNoop.min },
      max: { ours: s.expressAdapter.max, peer: s.expressNoop.max },
      checks: pairs.map(([label, a, b]) => ({ label, ratio: ratio(a, b), min: goal.min })),
      peers: {
        expressNoopContent: s.expressNoopContent,
        expressAdapterContent: s.expressAdapterContent,
        honoHeader: s.honoHeader,
        honoAdapter: s.honoAdapter,
        honoHeaderContent: s.honoHeaderContent,
        honoAdapterContent: s.honoAdapterContent,
        honoBare: s.honoBare,
        honoBareContent: s.honoBareContent,
      },
      details: {
        // Share of CPU time in use over the second before the row (other work skews the figures).
        cpuBusyBefore: busyBefore,
        autocannon: { connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: ctx.warmup > 0 ? WARMUP_S : 0 },
        pinned: pin ? { serverCore: pin.server, loadCore: pin.load } : null,
        bodyBytes,
        ratios: {
          expressAdapterOverNoop: ratio('expressAdapter', 'expressNoop'),
          expressContentOverNoopContent: ratio('expressAdapterContent', 'expressNoopContent'),
          honoAdapterOverHeader: ratio('honoAdapter', 'honoHeader'),
          honoContentOverHeaderContent: ratio('honoAdapterContent', 'honoHeaderContent'),
          honoAdapterOverBare: ratio('honoAdapter', 'honoBare'),
          honoContentOverBareContent: ratio('honoAdapterContent', 'honoBareContent'),
        },
        // Server CPU microseconds per request (median of runs), and floor ÷ adapter per pair.
        serverCpuMicrosPerRequest: Object.fromEntries(names.map((n) => [n, µs(n)])),
        cpuRatios: {
          express: cpuRatio('expressAdapter', 'expressNoop'),
          expressContent: cpuRatio('expressAdapterContent', 'expressNoopContent'),
          hono: cpuRatio('honoAdapter', 'honoHeader'),
          honoContent: cpuRatio('honoAdapterContent', 'honoHeaderContent'),
        },
        // Heap bytes the server allocated per request (garbage included), and floor ÷ adapter.
        heapBytesPerRequest: heapBytes,
        heapRatios: Object.fromEntries(pairs.concat([['Express', 'expressAdapter', 'expressNoop']]).map(([label, a, b]) => [label, Number((heapBytes[b] / heapBytes[a]).toFixed(3))])),
        meanLatencyMs: Object.fromEntries(names.map((n) => [n, summary(latency[n], 2).median])),
        samples: Object.fromEntries(names.map((n) => [n, s[n].samples])),
        notes: [
          `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run after a ${WARMUP_S} s warm-up; each app in its own child process on 127.0.0.1; req/s = autocannon's requests.average`,
          `ratio = Express + shellacExpress ÷ Express + a no-op middleware (higher is better); Hono + shellacHono ÷ Hono + a middleware setting one header = ${ratio('honoAdapter', 'honoHeader')}`,
          `content-only (?from_appshell=1, ${bodyBytes.expressAdapterContent} B vs ${bodyBytes.expressAdapter} B full), adapter ÷ the floor app choosing the template by hand: Express ${ratio('expressAdapterContent', 'expressNoopContent')}, Hono ${ratio('honoAdapterContent', 'honoHeaderContent')}`,
          `server CPU µs per request (median), floor → adapter: Express ${µs('expressNoop')} → ${µs('expressAdapter')} (content ${µs('expressNoopContent')} → ${µs('expressAdapterContent')}), Hono ${µs('honoHeader')} → ${µs('honoAdapter')} (content ${µs('honoHeaderContent')} → ${µs('honoAdapterContent')})`,
          `server heap bytes allocated per request (${HEAP_REQUESTS} requests in a row, V8's sampling heap profiler counting what was collected too), floor → adapter: Express ${heapBytes.expressNoop} → ${heapBytes.expressAdapter} (content ${heapBytes.expressNoopContent} → ${heapBytes.expressAdapterContent}), Hono ${heapBytes.honoHeader} → ${heapBytes.honoAdapter} (content ${heapBytes.honoHeaderContent} → ${heapBytes.honoAdapterContent})`,
          `Hono with no middleware at all (honoBare): adapter ÷ bare = ${ratio('honoAdapter', 'honoBare')} (content ${ratio('honoAdapterContent', 'honoBareContent')}); CPU µs ${µs('honoBare')} (content ${µs('honoBareContent')}), heap ${heapBytes.honoBare} (content ${heapBytes.honoBareContent}) bytes a request. The header middleware's c.header() after next() turns @hono/node-server's light response into a real one, its string body a stream; Shellac's adapter sets its headers on the light response's own Headers`,
          `server CPU per request, floor ÷ adapter: Express ${cpuRatio('expressAdapter', 'expressNoop')} (content ${cpuRatio('expressAdapterContent', 'expressNoopContent')}), Hono ${cpuRatio('honoAdapter', 'honoHeader')} (content ${cpuRatio('honoAdapterContent', 'honoHeaderContent')})`,
        ],
      },
    };
  } finally {
    if (pin) pinSelf(pin.all);
    await Promise.all(Object.values(servers).map((s) => s.close()));
  }
}
