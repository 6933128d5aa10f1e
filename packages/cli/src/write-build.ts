import { constants, existsSync, mkdirSync } from 'node:fs';
import { copyFile, link as hardLink, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuildOptions } from './build-options.js';
import type { ReadyPlan } from './build-plan.js';
import { ShellacCliError } from './errors.js';

/**
 * Places a site file unchanged: a copy-on-write clone where the filesystem has them (btrfs, XFS,
 * APFS), else a plain copy; with `link`, a hard link (falling back to a copy across devices).
 */
async function place(from: string, to: string, link: boolean): Promise<void> {
  if (link) {
    try {
      // The target, not a symlink to it: a relative link would dangle at another depth.
      return await hardLink(await realpath(from), to);
    } catch {
      // EXDEV (another device) or EPERM: copy instead.
    }
  }
  await copyFile(from, to, constants.COPYFILE_FICLONE);
}

/**
 * Files copied or written at once. A build is thousands of small copies, each a few system
 * calls: run one after another they leave the disk and the cores idle between calls, while libuv's
 * thread pool (four threads) runs this many side by side, and the main thread stays free.
 */
const IN_FLIGHT = 16;

/** Writes every planned file into `dir`, reporting progress once per site file. Stops at the first error. */
async function writeFiles(plan: ReadyPlan, dir: string, onProgress: BuildOptions['onProgress']): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const folder of new Set(plan.files.map((f) => dirname(join(dir, f.path))))) mkdirSync(folder, { recursive: true });
  const totalFiles = new Set(plan.files.map((f) => f.source).filter(Boolean)).size;
  let files = 0;
  let bytes = 0;
  let next = 0;
  let failure: unknown;
  const one = async (i: number) => {
    const file = plan.files[i]!;
    if (file.content === undefined) await place(file.source.abs, join(dir, file.path), plan.link);
    else await writeFile(join(dir, file.path), file.content);
    // A site file may give two outputs (app mode's hashed copy): it counts once, at its last.
    if (!file.source || plan.files[i + 1]?.source === file.source) return;
    files++;
    bytes += file.source.size;
    onProgress?.({ files, bytes, totalFiles });
  };
  // Each lane takes the next file until none is left or one failed; all lanes end before this
  // returns, so nothing is still writing into `dir` when the caller removes it.
  const lane = async () => {
    while (failure === undefined && next < plan.files.length) await one(next++).catch((error: unknown) => { failure ??= error; });
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  if (failure !== undefined) throw failure;
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
    await writeFiles(plan, tmp, onProgress);
    const old = existsSync(outDir) ? `${tmp}.old` : undefined;
    if (old) await rename(outDir, old);
    await rename(tmp, outDir);
    if (old) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw new ShellacCliError('io', `build failed while writing ${plan.summary.outDir}: ${(error as Error).message}. Nothing was changed.`, { file: outDir }); // fs errors are Errors
  }
}
