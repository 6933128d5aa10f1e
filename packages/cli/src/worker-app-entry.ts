import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { WorkerAppConfig } from '@shellac/protocol';
import type { BuildConfig } from './build-config.js';
import type { ConfigProblem } from './config-problems.js';

/** The worker app of a config: its entry (absolute) and what `sw.js` tells the worker of it. */
export interface WorkerAppEntry {
  entry: string;
  config: WorkerAppConfig;
}

/**
 * Reads the config's `worker` key: the entry module, resolved against the config file's folder,
 * must exist, and an app runs in the worker only in app mode (`--app`), where pages have an app
 * shell and content to render. Returns the entry, or the problem with the key.
 */
export function workerAppOf(config: BuildConfig, configFile: string | undefined, app: boolean): WorkerAppEntry | ConfigProblem | undefined {
  const given = config.worker;
  if (given === undefined) return undefined;
  const { entry, ...rest } = typeof given === 'string' ? { entry: given } : given;
  if (!app) return { key: 'worker', problem: 'runs only in app mode: build with --app (a static site has no app to run)', value: given };
  const file = resolve(configFile ? dirname(configFile) : process.cwd(), entry);
  if (!existsSync(file)) return { key: typeof given === 'string' ? 'worker' : 'worker.entry', problem: `is not a file (looked for ${file})`, value: entry };
  return { entry: file, config: rest };
}
