// Child processes and timing. Wall time is measured around the whole child (spawn to exit), so
// it includes Node's startup, as a user running the command would see it.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Runs `cmd args`; resolves `{ ms, stdout, stderr }`, rejects with the output on a non-zero exit. */
export function run(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      if (code === 0) return resolve({ ms, stdout, stderr });
      const tail = (s) => s.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`\`${[cmd, ...args].join(' ')}\` exited with ${code ?? signal}\n${tail(stderr) || tail(stdout)}`));
    });
  });
}

/** Runs a Node script in a child process (same Node binary as the harness). */
export const runNode = (args, opts) => run(process.execPath, args, opts);
