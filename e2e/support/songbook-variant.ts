import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '@shellac/cli';
import { SONGBOOK } from './songbook-paths.js';

/**
 * The Songbook's static folder built with its `worker` options changed (`renderFirst`, say), into
 * `e2e/.tmp/songbook-<name>`; resolves with that folder, for `new SongbookServer(folder)`.
 */
export async function buildSongbookVariant(name: string, worker: object): Promise<string> {
  const dir = new URL(`../.tmp/songbook-${name}`, import.meta.url).pathname;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}-config`, { recursive: true });
  const config = JSON.parse(readFileSync(join(SONGBOOK, 'shellac.config.json'), 'utf8')) as { worker: object };
  const configFile = join(`${dir}-config`, 'shellac.config.json');
  // The entry is named absolutely: the config file is not beside the sources any more.
  writeFileSync(configFile, JSON.stringify({ ...config, worker: { ...config.worker, entry: join(SONGBOOK, 'src/worker-app.ts'), ...worker } }));
  await buildSite({ siteDir: join(SONGBOOK, 'static'), outDir: dir, app: true, base: '/static/', configFile });
  return dir;
}
