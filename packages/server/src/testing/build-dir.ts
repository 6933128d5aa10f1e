// Test support (not built, not published): a fake `shellac build --app` output folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FILES } from '@shellac/protocol';

/** The hashed stylesheet's name, as `shellac build --app` would write it. */
export const HASHED_CSS = 'css/app.3f9a1c2b.css';

/** The fixed names the fake build maps, for tests that check `asset()` and static serving. */
export const ASSETS = {
  base: '/static/',
  files: { 'css/app.css': HASHED_CSS, 'img/logo.svg': 'img/logo.0a1b2c3d.svg' },
};

/**
 * Writes a fake build under a fresh temporary folder: the root files, the assets map, the static
 * files (plain and hashed), and a secret next to (not in) the build for traversal tests.
 */
export function makeBuildDir(): { root: string; buildDir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'shellac-server-'));
  const buildDir = join(root, 'build');
  const files: Record<string, string> = {
    [FILES.worker]: 'self.addEventListener("fetch", () => {});',
    [FILES.client]: 'navigator.serviceWorker.register("/sw.js");',
    [FILES.shellClient]: 'console.log("shell");',
    [FILES.clearClient]: 'export const clearFallback = async () => [];',
    [FILES.manifest]: JSON.stringify({ version: 'v1', entries: [] }),
    [FILES.assets]: JSON.stringify(ASSETS),
    'css/app.css': 'body{color:red}',
    [HASHED_CSS]: 'body{color:red}',
    'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'img/logo.0a1b2c3d.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(buildDir, name)), { recursive: true });
    writeFileSync(join(buildDir, name), text);
  }
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  return { root, buildDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
