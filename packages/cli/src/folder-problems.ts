import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FILES } from '@shellac/protocol';
import { ShellacCliError } from './errors.js';

/** The real path of `path`: links resolved in the part that exists (the output may not, yet). */
function realPath(path: string): string {
  const missing: string[] = [];
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) {
    missing.unshift(basename(at));
    at = dirname(at);
  }
  return join(realpathSync(at), ...missing);
}

/** Whether `inner` is `outer` or lies below it (both real paths). */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (path.split(sep)[0] !== '..' && !isAbsolute(path));
}

/** A folder beside the site for an output refused inside it, as the user would type it. */
function besideSite(siteDir: string, outDir: string): string {
  const beside = join(dirname(siteDir), basename(outDir));
  return relative(process.cwd(), beside === siteDir ? `${beside}-out` : beside) || '.';
}

/**
 * Every problem of the site and output folders as given: a site that is no folder; an output that
 * is the site, holds it or lies inside it (a later build would read the output as part of the
 * site); an output that is a file, or a folder other than an earlier Shellac build.
 */
export function folderProblems(options: { siteDir: string; outDir: string }): ShellacCliError[] {
  const problems: ShellacCliError[] = [];
  const siteDir = resolve(options.siteDir);
  const outDir = resolve(options.outDir);
  const site = statSync(siteDir, { throwIfNoEntry: false });
  if (!site?.isDirectory()) {
    problems.push(new ShellacCliError('site', `${options.siteDir}: no such folder. Give the folder of your built site, e.g. "shellac build public --out dist".`, { file: options.siteDir }));
  }
  const [realSite, realOut] = [realPath(siteDir), realPath(outDir)];
  if (within(realSite, realOut)) {
    problems.push(new ShellacCliError('usage', `--out ${options.outDir} would overwrite the site itself: give a separate folder, e.g. "--out dist".`, { file: options.outDir }));
  } else if (site?.isDirectory() && within(realOut, realSite)) {
    const other = besideSite(siteDir, outDir);
    problems.push(new ShellacCliError('usage', `--out ${options.outDir} is inside the site folder ${options.siteDir}: the next build would copy this output into the new one. Give a folder outside the site, e.g. "--out ${other}".`, { file: options.outDir, site: options.siteDir }));
  }
  const out = statSync(outDir, { throwIfNoEntry: false });
  if (out && !out.isDirectory()) {
    problems.push(new ShellacCliError('usage', `--out ${options.outDir} is a file: give a folder for the build.`, { file: options.outDir }));
  } else if (out && !within(realSite, realOut)) {
    const contents = readdirSync(outDir);
    if (contents.length && !contents.includes(FILES.manifest)) {
      problems.push(new ShellacCliError('usage', `--out ${options.outDir} already exists and is not a Shellac build: choose an empty or new folder (Shellac replaces its output folder whole).`, { file: options.outDir }));
    }
  }
  return problems;
}
