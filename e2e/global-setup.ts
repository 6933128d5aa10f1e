import { rmSync } from 'node:fs';
import { buildSite } from '@shellac/cli';
import { DJANGO_PYTHON, prepareDjangoSongbook } from './support/django-songbook.js';
import { SONGBOOK, SONGBOOK_BUILD } from './support/songbook-paths.js';

/**
 * Builds the Songbook's static folder once (`shellac build --app`), and prepares the Django
 * Songbook once (its database seeded, its static files collected and built by shellac_build);
 * each test runs its own server on them.
 */
export default async function globalSetup() {
  rmSync(SONGBOOK_BUILD, { recursive: true, force: true });
  await buildSite({ siteDir: `${SONGBOOK}/static`, outDir: SONGBOOK_BUILD, app: true, base: '/static/', configFile: `${SONGBOOK}/shellac.config.json` });
  if (DJANGO_PYTHON) prepareDjangoSongbook();
  else if (process.env.CI) throw new Error('the Django specs need a python3 with Django: apt-get install python3-django (.ci/run does)');
}
