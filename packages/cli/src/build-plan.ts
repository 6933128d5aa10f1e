import type { Manifest, WorkerConfig } from '@shellac/protocol';
import type { BuildSummary } from './build-options.js';
import type { ShellacCliError } from './errors.js';
import type { SiteFile } from './scan-site.js';

/**
 * One file of the output, at `path` (`/`-separated, relative to the output folder): either a site
 * file placed unchanged (a copy-on-write clone or a copy; a hard link when the plan says `link`),
 * or `content` to write (a page with the registration script, or a file Shellac makes). `source`
 * names the site file it comes from, if any.
 */
export type PlannedFile = { path: string; source: SiteFile; content?: undefined } | { path: string; source?: SiteFile; content: string | Buffer };

/** A build that cannot be carried out: every problem found, and the warnings found so far. */
export interface BlockedPlan {
  ok: false;
  problems: ShellacCliError[];
  warnings: string[];
}

/** A build ready to write: every output file with its content, and what the summary will say. */
export interface ReadyPlan {
  ok: true;
  problems: [];
  warnings: string[];
  /** Absolute paths. */
  siteDir: string;
  outDir: string;
  /** Place unchanged files as hard links rather than copies (`--link`). */
  link: boolean;
  /** In writing order: the site's files, then the offline page, scripts, asset map, `sw.js`, manifest. */
  files: PlannedFile[];
  /** The manifest: its entries are in `sw.js` (`worker.entries`), its version alone in `shellac-manifest.json`. */
  manifest: Manifest;
  /** The configuration baked into `sw.js`. */
  worker: WorkerConfig;
  /** What `buildSite` resolves with, but for the time taken. */
  summary: Omit<BuildSummary, 'ms'>;
}

/** What `planBuild` found: {@link ReadyPlan} when `ok`, else {@link BlockedPlan}. */
export type BuildPlan = BlockedPlan | ReadyPlan;
