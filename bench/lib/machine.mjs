// Describes the machine for the report header.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpu = m[1].trim();
  } catch { /* not Linux: keep os.cpus() */ }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    // Other work on the machine skews timed rows: 1-minute load average when the run started.
    load1: Number(os.loadavg()[0].toFixed(2)),
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}
