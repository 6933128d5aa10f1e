// Workbox 7.4's `pageCache` recipe as a Songbook worker (fixtures/workbox-page-cache-sw.js),
// bundled as a user's build would be, precaching the same static files Shellac precaches.
import { join } from 'node:path';
import { build } from 'esbuild';
import { FIXTURES } from './paths.mjs';
import { builtManifest } from './shellac.mjs';

/** The recipe's worker for a Songbook build folder: `{ code, entries }`. */
export async function workboxPageCacheWorker(buildDir) {
  const { entries } = builtManifest(buildDir);
  // The same files Shellac precaches. Hashed names need no revision; the root scripts get theirs.
  const manifest = entries.map((e) => {
    const url = e[0].startsWith('/') ? e[0] : `/${e[0]}`;
    return { url, revision: e[1] ?? null };
  });
  const result = await build({
    entryPoints: [join(FIXTURES, 'workbox-page-cache-sw.js')], bundle: true, minify: true, format: 'iife',
    target: 'es2020', legalComments: 'none', write: false, logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', 'self.__WB_MANIFEST': JSON.stringify(manifest) },
  });
  return { code: result.outputFiles[0].contents, entries: manifest.length };
}
