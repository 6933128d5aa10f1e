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

/**
 * Starts a long-running child (a server) that prints JSON lines on stdout; other lines are its
 * own. Resolves `{ port, child, close() }` with its first JSON line (`{ port }`, once it listens);
 * later ones go to `onMessage`. Rejects, with its last lines of stderr, if it exits before that.
 * `close()` stops it (SIGTERM) and resolves once it has exited.
 */
export function startChild(cmd, args, { name, cwd, onMessage = () => {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = false;
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!started) reject(new Error(`${name} exited with ${code ?? signal} before listening\n${stderr.trim().split('\n').slice(-15).join('\n')}`));
    });
    const close = () => new Promise((done) => {
      if (child.exitCode != null || child.signalCode != null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    child.stdout.on('data', (d) => {
      stdout += d;
      for (let nl = stdout.indexOf('\n'); nl >= 0; nl = stdout.indexOf('\n')) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line);
        if (started) onMessage(message);
        else {
          started = true;
          resolve({ port: message.port, child, close });
        }
      }
    });
  });
}
