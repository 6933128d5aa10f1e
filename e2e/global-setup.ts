import { rmSync } from 'node:fs';
import { buildSite } from '@shellac/cli';
import { SONGBOOK, SONGBOOK_BUILD } from './support/songbook-paths.js';

/** Builds the Songbook's static folder once (`shellac build --app`); each test runs its own server on it. */
export default async function globalSetup() {
  rmSync(SONGBOOK_BUILD, { recursive: true, force: true });
  await buildSite({ siteDir: `${SONGBOOK}/static`, outDir: SONGBOOK_BUILD, app: true, base: '/static/', configFile: `${SONGBOOK}/shellac.config.json` });
}
