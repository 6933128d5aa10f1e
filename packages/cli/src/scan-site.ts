import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** One file of the site: its `/`-separated path relative to the site root, and its size. */
export interface SiteFile {
  rel: string;
  abs: string;
  size: number;
}

/** Folders never part of a site's output. */
const SKIP = new Set(['.git', '.hg', '.svn', 'node_modules', '.DS_Store']);

/** Lists every file below `root`, skipping VCS folders and the paths in `exclude` (absolute). */
export async function scanSite(root: string, exclude: Set<string>): Promise<SiteFile[]> {
  const out: SiteFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const abs = join(dir, entry.name);
        if (SKIP.has(entry.name) || exclude.has(abs)) return;
        if (entry.isDirectory()) return walk(abs);
        if (!entry.isFile() && !entry.isSymbolicLink()) return;
        // stat follows links: a site may link shared assets or folders in.
        const info = await stat(abs).catch(() => undefined);
        if (info?.isDirectory()) return walk(abs);
        if (info?.isFile()) out.push({ rel: relative(root, abs).split(sep).join('/'), abs, size: info.size });
      }),
    );
  };
  await walk(root);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}
