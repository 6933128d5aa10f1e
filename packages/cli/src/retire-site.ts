import { statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WORKER_FILE } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';
import { retireWorkerScript } from './retire-worker-script.js';

/** Options of {@link retireSite}. */
export interface RetireOptions {
  /** The folder as deployed: the build's output, holding the worker script. */
  dir: string;
  /** The worker script's path inside `dir`, where the site serves its worker. Default `sw.js`. */
  worker?: string | undefined;
}

/** What {@link retireSite} wrote. */
export interface RetireSummary {
  /** The file replaced, as given (relative to the working directory when inside it). */
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * Replaces a deployed site's worker script with the kill-switch worker (`retireWorker`), and
 * touches nothing else. Checks first, writes after: a missing folder, a worker path outside it or
 * no worker script there throws a `ShellacCliError` naming the path, with nothing written.
 */
export async function retireSite(options: RetireOptions): Promise<RetireSummary> {
  const { dir } = options;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ShellacCliError('usage', `${dir}: no such folder. Point shellac retire at the folder you deploy (the output of shellac build, which holds ${WORKER_FILE}).`, { file: dir });
  }
  const rel = options.worker ?? WORKER_FILE;
  const path = resolve(dir, rel);
  const inside = relative(resolve(dir), path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new ShellacCliError('usage', `--worker ${rel}: the worker must be a file inside ${dir}, at the path the site serves it from.`, { file: rel, value: rel });
  }
  const shown = join(dir, inside);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
    const hint = options.worker ? 'Check --worker: it is the worker script\'s path inside the folder.' : `Point shellac retire at the folder that holds ${WORKER_FILE}, or pass --worker <path> when your worker lives elsewhere in it.`;
    throw new ShellacCliError('usage', `${shown}: no worker script to replace. ${hint}`, { file: shown });
  }
  const code = await retireWorkerScript();
  writeFileSync(path, code);
  return { file: shown, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}
