// Starts one of `server-throughput`'s apps (server-child.mjs) in its own child process, pinned to
// a core when asked, and talks to it over its stdin and stdout.
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BENCH, ROOT } from './paths.mjs';

const CHILD = join(BENCH, 'lib/server-child.mjs');

/**
 * Starts `server-child.mjs` and resolves `{ url, cpu(), heap(), close() }` once it listens;
 * `cpu()` resolves the child's CPU time so far, in microseconds; `heap('start')`, then
 * `heap('stop')` resolves the bytes it allocated in between.
 */
export function startServer(framework, variant, buildDir, pin) {
  return new Promise((resolve, reject) => {
    const args = [CHILD, framework, variant, buildDir];
    const child = pin
      ? spawn('taskset', ['-c', pin.server, process.execPath, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const waiting = [];
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
      let nl;
      while ((nl = stdout.indexOf('\n')) >= 0) {
        const message = JSON.parse(stdout.slice(0, nl));
        stdout = stdout.slice(nl + 1);
        if ('cpu' in message) waiting.shift()?.(message.cpu);
        else if ('heap' in message || 'heapBytes' in message) waiting.shift()?.(message.heapBytes);
        else if (!started) { started = true; ready(message.port); }
      }
    });
    const ask = (line) => new Promise((answer) => {
      waiting.push(answer);
      child.stdin.write(`${line}\n`);
    });
    const ready = (port) => {
      resolve({
        url: `http://127.0.0.1:${port}`,
        cpu: () => ask('cpu'),
        heap: (what) => ask(`heap-${what}`),
        close: () => new Promise((done) => {
          if (child.exitCode != null || child.signalCode != null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    };
  });
}
