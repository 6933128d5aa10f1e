// Starts one of `server-throughput`'s apps (server-child.mjs) in its own child process, pinned to
// a core when asked, and talks to it over its stdin and stdout.
import { join } from 'node:path';
import { BENCH, ROOT } from './paths.mjs';
import { startChild } from './proc.mjs';

const CHILD = join(BENCH, 'lib/server-child.mjs');

/**
 * Starts `server-child.mjs` and resolves `{ url, cpu(), heap(), close() }` once it listens;
 * `cpu()` resolves the child's CPU time so far, in microseconds; `heap('start')`, then
 * `heap('stop')` resolves the bytes it allocated in between.
 */
export async function startServer(framework, variant, buildDir, pin) {
  const args = [CHILD, framework, variant, buildDir];
  const waiting = [];
  const { port, child, close } = await startChild(pin ? 'taskset' : process.execPath, pin ? ['-c', pin.server, process.execPath, ...args] : args, {
    name: `${framework} ${variant} server`,
    cwd: ROOT,
    // The answers to `ask`, in the order asked.
    onMessage: (message) => {
      if ('cpu' in message) waiting.shift()?.(message.cpu);
      else if ('heap' in message || 'heapBytes' in message) waiting.shift()?.(message.heapBytes);
    },
  });
  const ask = (line) => new Promise((answer) => {
    waiting.push(answer);
    child.stdin.write(`${line}\n`);
  });
  return { url: `http://127.0.0.1:${port}`, cpu: () => ask('cpu'), heap: (what) => ask(`heap-${what}`), close };
}
