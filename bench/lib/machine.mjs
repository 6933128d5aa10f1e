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

/**
 * How busy the CPUs are right now, from /proc/stat over `ms` (0–1; null where there is no
 * /proc/stat). Timed rows call it before they start: other work on the machine (a test suite,
 * another benchmark) skews their figures. Unlike the load average, it does not remember the
 * previous row's own work.
 */
export async function cpuBusy(ms = 1000) {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = f[3] + (f[4] ?? 0); // idle + iowait
      return { idle, total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  if (!a) return null;
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  const total = b.total - a.total;
  return total > 0 ? Number((1 - (b.idle - a.idle) / total).toFixed(2)) : null;
}
