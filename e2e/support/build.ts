import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSite, type BuildSummary } from '@shellac/cli';

export const STATIC_SITE = new URL('../../examples/static-site/site/', import.meta.url).pathname;

/** A scratch copy of a site, built into `out`, that a test may change and build again. */
export class SiteBuild {
  readonly root = mkdtempSync(join(tmpdir(), 'shellac-e2e-'));
  readonly site = join(this.root, 'site');
  readonly out = join(this.root, 'out');
  summary?: BuildSummary;

  constructor(source = STATIC_SITE, config?: object) {
    cpSync(source, this.site, { recursive: true });
    if (config) this.config(config);
  }

  config(config: object) {
    writeFileSync(join(this.site, 'shellac.config.json'), JSON.stringify(config));
  }

  /** Writes a file into the site (its folders made as needed). */
  write(rel: string, content: string | Uint8Array) {
    mkdirSync(dirname(join(this.site, rel)), { recursive: true });
    writeFileSync(join(this.site, rel), content);
  }

  async build() {
    this.summary = await buildSite({ siteDir: this.site, outDir: this.out });
    return this.summary;
  }

  remove() {
    rmSync(this.root, { recursive: true, force: true });
  }
}
