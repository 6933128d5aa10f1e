import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '@shellac/cli';
import { SONGBOOK } from './songbook-paths.js';

/**
 * The Songbook's static folder built with its `worker` options changed (`renderFirst`, say), into
 * a folder of its own under `e2e/.tmp/` (`songbook-<name>-XXXXXX/out`); resolves with that folder,
 * for `new SongbookServer(folder)`. Each call builds anew: with fully parallel tests, every worker
 * process runs a describe's `beforeAll`, and two of them once built into one shared folder, one
 * reading the config file while the other rewrote it.
 */
export async function buildSongbookVariant(name: string, worker: object): Promise<string> {
  const tmp = new URL('../.tmp/', import.meta.url).pathname;
  mkdirSync(tmp, { recursive: true });
  const root = mkdtempSync(join(tmp, `songbook-${name}-`));
  const dir = join(root, 'out');
  const config = JSON.parse(readFileSync(join(SONGBOOK, 'shellac.config.json'), 'utf8')) as { worker: object };
  const configFile = join(root, 'shellac.config.json');
  // The entry is named absolutely: the config file is not beside the sources any more.
  writeFileSync(configFile, JSON.stringify({ ...config, worker: { ...config.worker, entry: join(SONGBOOK, 'src/worker-app.ts'), ...worker } }));
  await buildSite({ siteDir: join(SONGBOOK, 'static'), outDir: dir, app: true, base: '/static/', configFile });
  return dir;
}
