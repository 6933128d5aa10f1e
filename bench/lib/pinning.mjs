// Core pinning for timed rows (Linux, `taskset`): servers on one core, the load generator on
// another, so the two do not fight over the same cores.
import os from 'node:os';
import { spawnSync } from 'node:child_process';

/** Which cores servers and the load generator get, or null when pinning is not possible here. */
export function pinning() {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (cores < 2 || process.platform !== 'linux') return null;
  if (spawnSync('taskset', ['-p', String(process.pid)]).status !== 0) return null;
  return { server: String(cores - 1), load: String(cores - 2), all: `0-${cores - 1}` };
}

/** Moves this process (every thread) to `cpus`, a taskset list. */
export function pinSelf(cpus) {
  spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}
