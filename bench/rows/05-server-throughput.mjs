// server-throughput: requests per second of a server-rendered page, with and without Shellac's
// server adapter. OURS: Express 5 + `shellacExpress` rendering the full page. PEER: the same
// Express app without the adapter. Also Hono 4 (@hono/node-server) both ways, and the adapter's
// content-only variant (`?from_appshell=1`). Each app runs in its own child process; autocannon
// runs here (10 connections, 5 s, after a 1 s warm-up). Contenders alternate, order rotating.
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { BENCH, ROOT } from '../lib/paths.mjs';
import { summary } from '../lib/stats.mjs';
import { buildSongbook, hasShellacServerBuild } from '../lib/songbook.mjs';
import { cliMissing } from '../lib/shellac.mjs';

export const id = 'server-throughput';
export const what = 'req/s of a ~5 KB server-rendered page, Express 5 + Shellac adapter vs bare Express (higher is better)';
export const unit = 'req/s';
// The adapter should cost at most 5% of a bare app's throughput.
export const goal = { against: 'peer', min: 0.95 };

const CHILD = join(BENCH, 'lib/server-child.mjs');
const CONNECTIONS = 10;
const DURATION_S = 5;
const WARMUP_S = 1;
const CONTENT = '?from_appshell=1';

/** Starts `server-child.mjs` and resolves `{ url, close() }` once it listens. */
function startServer(framework, variant, buildDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, framework, variant, buildDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = false;
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!started) reject(new Error(`${framework} ${variant} server exited with ${code ?? signal}\n${stderr.trim().split('\n').slice(-15).join('\n')}`));
    });
    child.stdout.on('data', (d) => {
      stdout += d;
      if (started || !stdout.includes('\n')) return;
      started = true;
      const { port } = JSON.parse(stdout.split('\n')[0]);
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => {
          if (child.exitCode != null || child.signalCode != null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

/** One autocannon run; throws if any request failed or was not a 200. */
async function load(url, duration) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration });
  if (r.errors || r.timeouts || r.non2xx) throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`);
  return r;
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
  if ((res.headers.get('x-shellac-content') === '1') !== contentOnly) problems.push(`X-Shellac-Content: ${res.headers.get('x-shellac-content')}`);
  if (contentOnly && !res.headers.get('x-shellac-title')) problems.push('no X-Shellac-Title');
  if (contentOnly === /<main /.test(body)) problems.push(contentOnly ? 'full page for a content-only request' : 'no <main> in the full page');
  if (problems.length) throw new Error(`${name} (${url}): ${problems.join(', ')}`);
  return Buffer.byteLength(body);
}

export async function run(ctx) {
  if (!hasShellacServerBuild()) throw cliMissing();
  const loadAtStart = loadavg()[0];
  if (loadAtStart > availableParallelism()) ctx.log(`warning: load average ${loadAtStart.toFixed(1)} on ${availableParallelism()} cores: other work is running, figures will be noisy`);
  const buildDir = join(ctx.tmp, 'build');
  await buildSongbook(buildDir); // the adapter serves a real `shellac build --app` output

  const servers = {};
  try {
    for (const framework of ['express', 'hono']) {
      for (const variant of ['bare', 'adapter']) servers[`${framework}-${variant}`] = await startServer(framework, variant, buildDir);
    }
    const contenders = {
      expressBare: { url: `${servers['express-bare'].url}/page`, shellacHeaders: false, contentOnly: false },
      expressAdapter: { url: `${servers['express-adapter'].url}/page`, shellacHeaders: true, contentOnly: false },
      expressAdapterContent: { url: `${servers['express-adapter'].url}/page${CONTENT}`, shellacHeaders: true, contentOnly: true },
      honoBare: { url: `${servers['hono-bare'].url}/page`, shellacHeaders: false, contentOnly: false },
      honoAdapter: { url: `${servers['hono-adapter'].url}/page`, shellacHeaders: true, contentOnly: false },
      honoAdapterContent: { url: `${servers['hono-adapter'].url}/page${CONTENT}`, shellacHeaders: true, contentOnly: true },
    };
    const bodyBytes = {};
    for (const [name, c] of Object.entries(contenders)) bodyBytes[name] = await check(name, c.url, c);
    ctx.log(`body bytes: ${Object.entries(bodyBytes).map(([k, v]) => `${k} ${v}`).join(', ')}`);

    const names = Object.keys(contenders);
    const samples = Object.fromEntries(names.map((k) => [k, []]));
    const latency = Object.fromEntries(names.map((k) => [k, []]));
    for (let i = 0; i < ctx.runs; i++) {
      const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
      const line = [];
      for (const name of order) {
        if (ctx.warmup > 0) await load(contenders[name].url, WARMUP_S);
        const r = await load(contenders[name].url, DURATION_S);
        samples[name].push(r.requests.average);
        latency[name].push(r.latency.average);
        line.push(`${name} ${Math.round(r.requests.average)}`);
      }
      ctx.log(`run ${i + 1}/${ctx.runs} (req/s): ${line.join(', ')}`);
    }

    const s = Object.fromEntries(names.map((n) => [n, summary(samples[n], 0)]));
    const ratio = (a, b) => Number((s[a].median / s[b].median).toFixed(3));
    return {
      ours: s.expressAdapter.median,
      peer: s.expressBare.median,
      runs: ctx.runs,
      min: { ours: s.expressAdapter.min, peer: s.expressBare.min },
      max: { ours: s.expressAdapter.max, peer: s.expressBare.max },
      peers: {
        expressAdapterContent: s.expressAdapterContent,
        honoBare: s.honoBare,
        honoAdapter: s.honoAdapter,
        honoAdapterContent: s.honoAdapterContent,
      },
      details: {
        // 1-minute load average when the row started and ended: other work on the machine skews these figures.
        loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0].toFixed(2)) },
        autocannon: { connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: ctx.warmup > 0 ? WARMUP_S : 0 },
        bodyBytes,
        ratios: {
          expressAdapterOverBare: ratio('expressAdapter', 'expressBare'),
          expressContentOverBare: ratio('expressAdapterContent', 'expressBare'),
          honoAdapterOverBare: ratio('honoAdapter', 'honoBare'),
          honoContentOverBare: ratio('honoAdapterContent', 'honoBare'),
        },
        meanLatencyMs: Object.fromEntries(names.map((n) => [n, summary(latency[n], 2).median])),
        oursSamples: s.expressAdapter.samples,
        peerSamples: s.expressBare.samples,
        notes: [
          `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run after a ${WARMUP_S} s warm-up; each app in its own child process on 127.0.0.1; req/s = autocannon's requests.average`,
          `ratio = Express + shellacExpress ÷ bare Express (higher is better); Hono + shellacHono ÷ bare Hono = ${ratio('honoAdapter', 'honoBare')}`,
          `content-only (?from_appshell=1, ${bodyBytes.expressAdapterContent} B vs ${bodyBytes.expressAdapter} B full) ÷ bare full: Express ${ratio('expressAdapterContent', 'expressBare')}, Hono ${ratio('honoAdapterContent', 'honoBare')}`,
        ],
      },
    };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  }
}
