import { constants, copyFileSync, existsSync, linkSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuildOptions } from './build-options.js';
import type { ReadyPlan } from './build-plan.js';
import { ShellacCliError } from './errors.js';

/**
 * Places a site file unchanged: a copy-on-write clone where the filesystem has them (btrfs, XFS,
 * APFS), else a plain copy; with `link`, a hard link (falling back to a copy across devices).
 */
function place(from: string, to: string, link: boolean): void {
  if (link) {
    try {
      // The target, not a symlink to it: a relative link would dangle at another depth.
      return linkSync(realpathSync(from), to);
    } catch {
      // EXDEV (another device) or EPERM: copy instead.
    }
  }
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
}

/** Writes every planned file into `dir`, reporting progress once per site file. */
function writeFiles(plan: ReadyPlan, dir: string, onProgress: BuildOptions['onProgress']): void {
  // Synchronous I/O: the work is thousands of small writes, which run faster in one loop than as
  // promises queued on libuv's four-thread pool.
  mkdirSync(dir, { recursive: true });
  for (const folder of new Set(plan.files.map((f) => dirname(join(dir, f.path))))) mkdirSync(folder, { recursive: true });
  const totalFiles = new Set(plan.files.map((f) => f.source).filter(Boolean)).size;
  let files = 0;
  let bytes = 0;
  plan.files.forEach((file, i) => {
    if (file.content === undefined) place(file.source.abs, join(dir, file.path), plan.link);
    else writeFileSync(join(dir, file.path), file.content);
    // A site file may give two outputs (app mode's hashed copy): it is done after the last.
    if (!file.source || plan.files[i + 1]?.source === file.source) return;
    files++;
    bytes += file.source.size;
    onProgress?.({ files, bytes, totalFiles });
  });
}

/**
 * Carries out a ready plan: writes it into a temporary folder beside the output folder, then
 * swaps that in whole; the previous output is removed only once the new one is in place. On
 * failure the temporary folder is removed and the previous output is left as it was.
 */
export async function writeBuild(plan: ReadyPlan, onProgress?: BuildOptions['onProgress']): Promise<void> {
  const { outDir } = plan;
  const tmp = join(dirname(outDir), `.${basename(outDir)}.shellac-${process.pid}-${Date.now()}`);
  try {
    writeFiles(plan, tmp, onProgress);
    const old = existsSync(outDir) ? `${tmp}.old` : undefined;
    if (old) await rename(outDir, old);
    await rename(tmp, outDir);
    if (old) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw new ShellacCliError('io', `build failed while writing ${plan.summary.outDir}: ${(error as Error).message}. Nothing was changed.`, { file: outDir }); // fs errors are Errors
  }
}
