// build-manifest: wall time to build a 10,000-file, ~200 MB site.
// OURS: `node packages/cli/dist/bin.js build <site> --out <out>` (copies the site, hashes, writes sw.js).
// PEER: a fresh Node process calling workbox-build generateSW (hashes, writes sw.js; copies nothing).
// Runs alternate ours / peer / extra peers, each in its own child process, each writing into a
// folder of its own. Outputs are deleted once, with the row's scratch folder (run.mjs): ext4
// without a journal (this VM's disk) reuses no inode freed in the last 60 s (360 s while its
// inode table block is unwritten), and steps past each one (perf: `recently_deleted` under
// `ext4_create`, a quarter of the samples of a copy run just after 10,000 files were deleted).
// Deleting the previous run's output just before a timed run made every copying contender pay
// for the bench's cleanup, not for its own work (10,000 empty files here: 0.2 s, and 1.2 to
// 1.9 s just after a deletion).
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { largeSite, LARGE_SITE } from '../lib/large-site.mjs';
import { runNode } from '../lib/proc.mjs';
import { summary } from '../lib/stats.mjs';
import { cliMissing, hasCli, shellacBuild } from '../lib/shellac.mjs';
import { BENCH } from '../lib/paths.mjs';

export const id = 'build-manifest';
export const what = 'wall ms to build a 10,000-file, 200 MB site (child process, incl. Node startup)';
export const unit = 'ms';
// Issues 2 and 13: `shellac build`, the copy included, at most half of workbox-build's generateSW.
export const goal = { against: 'peer', max: 0.5 };
export const peerName = 'generateSW';

const CHILD = join(BENCH, 'lib/workbox-child.mjs');

export async function run(ctx) {
  const t0 = Date.now();
  const { dir: site, reused } = largeSite();
  ctx.log(`large site: ${LARGE_SITE.files} files, ${LARGE_SITE.totalBytes / 1e6} MB ${reused ? '(cached)' : `(generated in ${Date.now() - t0} ms)`}`);

  // A fresh output folder for every timed command (see the header); `sync` flushes the previous
  // run's writes (200 MB for a copy) so their write-back does not land in the next timed run.
  let n = 0;
  const fresh = (name) => join(ctx.tmp, `${name}-${n++}`);
  const flush = () => {
    try { execFileSync('sync'); } catch { /* not available */ }
  };

  const cli = hasCli(); // decided once: the rest of the row must agree with the contenders timed
  const contenders = {
    ...(cli ? { ours: () => shellacBuild(site, fresh('shellac')) } : {}),
    // --link: unchanged files hard-linked instead of copied (opt-in; see docs/cli.md).
    ...(cli ? { oursLinked: () => shellacBuild(site, fresh('shellac-linked'), ['--link']) } : {}),
    generateSW: () => {
      const out = fresh('workbox');
      mkdirSync(out, { recursive: true });
      return runNode([CHILD, 'generateSW', site, join(out, 'sw.js')]);
    },
    getManifest: () => runNode([CHILD, 'getManifest', site]),
    // The floor for a build that copies: Node's own recursive copy of the site, nothing else.
    copyOnly: () => runNode(['-e', `require('node:fs').cpSync(${JSON.stringify(site)}, ${JSON.stringify(fresh('copy'))}, { recursive: true })`]),
  };
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  let manifestInfo;

  // If Shellac's build fails, stop timing it but finish the peers, so their figures survive.
  let oursError;
  const once = async (name) => {
    flush();
    let r;
    try {
      r = await contenders[name]();
    } catch (err) {
      if (name !== 'ours') throw err;
      oursError = err;
      delete contenders.ours;
      return null;
    }
    if (name === 'generateSW') manifestInfo = JSON.parse(r.stdout.trim().split('\n').pop());
    return r.ms;
  };
  for (let w = 0; w < ctx.warmup; w++) for (const name of Object.keys(contenders)) await once(name);
  for (let i = 0; i < ctx.runs; i++) {
    // Rotate the order every run so no contender always follows the same one.
    const names = Object.keys(contenders);
    const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
    const line = [];
    for (const name of order) {
      const ms = await once(name);
      if (ms == null) { line.push(`${name} FAILED`); continue; }
      samples[name].push(ms);
      line.push(`${name} ${Math.round(ms)} ms`);
    }
    ctx.log(`run ${i + 1}/${ctx.runs}: ${line.join(', ')}`);
  }

  const s = Object.fromEntries(Object.entries(samples).filter(([, v]) => v.length).map(([k, v]) => [k, summary(v, 0)]));
  const partial = {
    peer: s.generateSW.median,
    runs: ctx.runs,
    min: { ours: null, peer: s.generateSW.min },
    max: { ours: null, peer: s.generateSW.max },
    peers: { oursLinked: s.oursLinked, generateSW: s.generateSW, getManifest: s.getManifest, copyOnly: s.copyOnly },
    details: {
      site: { files: LARGE_SITE.files, bytes: LARGE_SITE.totalBytes },
      workboxManifest: manifestInfo,
      warmupRunsPerContender: ctx.warmup,
      notes: [
        'ours copies the site to --out (copy-on-write clones where the filesystem has them, else copies, 16 at a time); generateSW and getManifest only read it',
        'copyOnly = fs.cpSync of the site in a fresh Node process; oursLinked = shellac build --link (hard links instead of copies)',
        'each run writes into a new folder; all are deleted after the last run (a deletion just before a timed run slows ext4 inode allocation for the next seconds)',
      ],
    },
  };
  if (!cli) throw cliMissing(partial);
  if (oursError) throw Object.assign(new Error(`Shellac's build failed: ${oursError.message}`), { partial });
  return {
    ...partial,
    ours: s.ours.median,
    min: { ours: s.ours.min, peer: s.generateSW.min },
    max: { ours: s.ours.max, peer: s.generateSW.max },
    details: { ...partial.details, oursSamples: s.ours.samples },
  };
}
