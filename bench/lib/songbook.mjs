// The Songbook demo (examples/songbook) for browser rows: its static folder built with
// `shellac build --app` (as e2e/global-setup.ts does), and the app served from a child process
// (`lib/songbook-child.mjs`, TypeScript through tsx), so the browser-driving row never shares
// an event loop with the server.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, ROOT } from './paths.mjs';
import { startChild } from './proc.mjs';

export const SONGBOOK = join(ROOT, 'examples/songbook');
const CLI_DIST = join(ROOT, 'packages/cli/dist/index.js');
const SERVER_DIST = join(ROOT, 'packages/server/dist/index.js');
const CHILD = join(BENCH, 'lib/songbook-child.mjs');

export const hasShellacServerBuild = () => existsSync(CLI_DIST) && existsSync(SERVER_DIST);

/**
 * `buildSite({ app: true, base: '/static/' })` of the demo's static folder into `outDir`.
 * `change(config)`: another config to build with (written beside `outDir`; the worker app's entry
 * is then named absolutely), such as the demo without its app in the worker.
 */
export async function buildSongbook(outDir, change) {
  const { buildSite } = await import('@shellac/cli');
  let configFile = join(SONGBOOK, 'shellac.config.json');
  if (change) {
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    if (config.worker) config.worker = { ...config.worker, entry: join(SONGBOOK, config.worker.entry) };
    configFile = `${outDir}.config.json`;
    writeFileSync(configFile, JSON.stringify(change(config)));
  }
  return buildSite({ siteDir: join(SONGBOOK, 'static'), outDir, app: true, base: '/static/', configFile });
}

/**
 * Starts the demo on a free loopback port in a child process, over `buildDir`, with its own
 * SQLite file. Resolves `{ url, close() }` once it listens.
 */
export async function startSongbook(buildDir, dbPath) {
  const { port, close } = await startChild(process.execPath, ['--import', 'tsx', CHILD, buildDir, dbPath], { name: 'songbook server', cwd: ROOT });
  return { url: `http://127.0.0.1:${port}`, close };
}
