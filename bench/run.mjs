#!/usr/bin/env node
// Shellac benchmark harness. Runs bench/rows/*.mjs in file-name order and writes
// bench/results/latest.{json,md,svg}.
//
//   node bench/run.mjs                       every row
//   node bench/run.mjs worker-size ...       only the named rows
//   options: --runs N (timed rows, default 5, min 1)  --warmup N (default 1)
//            --check (exit 1 if a goal is missed)     --clean (also delete cached generated sites)
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, RESULTS, ROWS, TMP } from './lib/paths.mjs';
import { machine } from './lib/machine.mjs';
import { fmt, fmtRatio, writeJson, writeMarkdown, writeSvg } from './lib/report.mjs';
import { checksOf, fmtCheckGoal } from './lib/goals.mjs';

function parseArgs(argv) {
  const opts = { ids: [], runs: Number(process.env.BENCH_RUNS ?? 5), warmup: Number(process.env.BENCH_WARMUP ?? 1), check: false, clean: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--warmup') opts.warmup = Number(argv[++i]);
    else if (a === '--check') opts.check = true;
    else if (a === '--clean') opts.clean = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.ids.push(a);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  if (!Number.isInteger(opts.warmup) || opts.warmup < 0) throw new Error('--warmup must be a whole number ≥ 0');
  return opts;
}

function checkRow(row, file) {
  const problems = [];
  if (typeof row.id !== 'string') problems.push('id');
  if (typeof row.what !== 'string') problems.push('what');
  if (typeof row.unit !== 'string') problems.push('unit');
  if (!row.goal || !['peer', 'limit'].includes(row.goal.against) || (row.goal.max == null && row.goal.min == null)) problems.push('goal');
  if (row.goals && (!Array.isArray(row.goals) || row.goals.some((g) => typeof g.against !== 'string' || (g.max == null && g.min == null)))) problems.push('goals');
  if (typeof row.run !== 'function') problems.push('run');
  if (problems.length) throw new Error(`${file}: missing or invalid export(s): ${problems.join(', ')}`);
}

/** Turns what a row returned (or the partial figures its error carried) into the report entry. */
function entry(row, r, error) {
  const checks = checksOf(row, r);
  const judged = checks.filter((c) => c.met != null);
  // The main goal decides whether there is a result; every other check with a figure must hold too.
  const met = checks[0].met == null ? null : judged.every((c) => c.met);
  const e = { id: row.id, ours: r.ours ?? null, peer: r.peer ?? null, limit: r.limit ?? null, ratio: checks[0].ratio, unit: row.unit, runs: r.runs ?? null };
  if (r.min) e.min = r.min;
  if (r.max) e.max = r.max;
  if (r.peers) e.peers = r.peers;
  Object.assign(e, { goal: row.goal, checks, met, what: row.what });
  if (r.details) e.details = r.details;
  if (error) e.error = error;
  return e;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.clean) rmSync(CACHE, { recursive: true, force: true });

// Per-run scratch. TMPDIR points into it before any row (and so workbox-build, whose bundler
// writes temp files it never deletes) is imported; child processes inherit it. All removed at exit.
const scratch = join(TMP, `run-${process.pid}`);
const osTmp = join(scratch, 'os-tmp');
mkdirSync(osTmp, { recursive: true });
process.env.TMPDIR = osTmp;
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const files = readdirSync(ROWS).filter((f) => f.endsWith('.mjs')).sort();
const rows = [];
for (const f of files) {
  const mod = await import(pathToFileURL(join(ROWS, f)).href);
  const row = mod.default ?? mod;
  checkRow(row, f);
  rows.push(row);
}
const unknown = opts.ids.filter((id) => !rows.some((r) => r.id === id));
if (unknown.length) {
  console.error(`unknown row id(s): ${unknown.join(', ')}; known: ${rows.map((r) => r.id).join(', ')}`);
  process.exit(2);
}
const selected = opts.ids.length ? rows.filter((r) => opts.ids.includes(r.id)) : rows;

const m = machine();
console.log(`Shellac bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.load1}`);
const results = [];
let failed = 0;
try {
  for (const row of selected) {
    const tmp = join(scratch, row.id);
    mkdirSync(tmp, { recursive: true });
    const ctx = { tmp, runs: opts.runs, warmup: opts.warmup, log: (msg) => console.log(`  [${row.id}] ${msg}`) };
    const t0 = Date.now();
    let e;
    try {
      e = entry(row, await row.run(ctx));
    } catch (err) {
      failed++;
      e = entry(row, err.partial ?? {}, err.message);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    e.measuredAt = m.date;
    results.push(e);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const goalText = e.checks.map((c) => `${fmtRatio(c.ratio)} (goal ${fmtCheckGoal(c)}${c.met === false ? ' MISSED' : ''})`).join('; ');
    const verdict = e.met == null ? 'NO RESULT' : e.met ? 'goals met' : 'GOAL MISSED';
    const range = (k) => (e.min && e[k] != null ? ` [${fmt(e.min[k], e.unit)}–${fmt(e.max[k], e.unit)}]` : '');
    const base = e.peer != null ? `peer ${fmt(e.peer, e.unit)}${range('peer')}${e.limit != null ? `  limit ${fmt(e.limit, e.unit)}` : ''}` : `limit ${fmt(e.limit, e.unit)}`;
    console.log(`${row.id.padEnd(16)} ours ${fmt(e.ours, e.unit)}${range('ours')}  ${base}  ratios ${goalText}  ${verdict}  (${secs} s)`);
    for (const [k, v] of Object.entries(e.peers ?? {})) {
      console.log(`  ${k.padEnd(26)} ${typeof v === 'object' ? `${fmt(v.median, e.unit)} [${fmt(v.min, e.unit)}–${fmt(v.max, e.unit)}]` : fmt(v, e.unit)}`);
    }
    if (e.error) console.log(`  ERROR: ${e.error}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

mkdirSync(RESULTS, { recursive: true });
// A run of some rows keeps the others from the previous results (each row says when it was
// measured), so `node bench/run.mjs server-throughput` does not wipe the rest of the table.
let report = results;
if (opts.ids.length) {
  let previous = [];
  try {
    previous = JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8'));
  } catch { /* no previous results */ }
  report = rows.map((r) => results.find((e) => e.id === r.id) ?? previous.find((e) => e.id === r.id)).filter(Boolean);
}
writeJson(report);
writeMarkdown(report, m);
writeSvg(report, m);
console.log(`wrote bench/results/latest.{json,md,svg} (${results.length} row${results.length === 1 ? '' : 's'} measured, ${report.length} in all)`);
const missed = results.filter((r) => r.met === false).length;
if (failed) console.log(`${failed} row(s) failed`);
process.exitCode = failed ? 1 : opts.check && missed ? 1 : 0;
