import { join } from 'node:path';
import type { BuildConfig } from './build-config.js';
import { CONFIG_FILE } from './build-config.js';
import { ShellacCliError } from './errors.js';
import { globFilter } from './glob-to-regexp.js';
import type { SiteFile } from './scan-site.js';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/**
 * The site files to precache: those the globs name and `required` ones (the offline page and
 * image), up to `maxFileSizeBytes`. A file above it is a warning, or a `file-too-large` problem
 * when it is required. `siteDir` is the site folder as the user typed it, for messages.
 */
export function selectPrecache(files: SiteFile[], config: BuildConfig, required: Set<string>, siteDir: string) {
  const wanted = globFilter(config.precache, config.precacheIgnore);
  const precached = new Set<string>();
  const problems: ShellacCliError[] = [];
  const warnings: string[] = [];
  for (const f of files) {
    if (!required.has(f.rel) && !wanted(f.rel)) continue;
    if (f.size <= config.maxFileSizeBytes) {
      precached.add(f.rel);
      continue;
    }
    const what = `${f.rel} is ${kb(f.size)}, above maxFileSizeBytes (${kb(config.maxFileSizeBytes)})`;
    if (required.has(f.rel)) problems.push(new ShellacCliError('file-too-large', `${join(siteDir, f.rel)}: ${what}; it must be precached. Shrink it or raise "maxFileSizeBytes" in ${CONFIG_FILE}.`, { file: f.rel, size: f.size }));
    else warnings.push(`${what}: not precached (it still loads from the network). Raise "maxFileSizeBytes" in ${CONFIG_FILE} or add it to "precacheIgnore" to silence this.`);
  }
  return { precached, problems, warnings };
}
