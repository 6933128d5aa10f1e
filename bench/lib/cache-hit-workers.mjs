// The peers' workers for `cache-hit`: worker fixtures bundled as a user's build would, with the
// site's assets injected where the peer precaches them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from '@serwist/build';
import { FIXTURES } from './paths.mjs';

/** Hashed names: precached under their own URL by Workbox and Serwist too (no revision query). */
const HASHED = /\.[0-9a-f]{8}\.[a-z]+$/;

/** Bundles a worker fixture like a user's build would (esbuild, minified IIFE, production). */
export async function bundleWorker(fixture) {
  const result = await build({
    entryPoints: [join(FIXTURES, fixture)], bundle: true, minify: true, format: 'iife', target: 'es2020',
    legalComments: 'none', write: false, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' },
  });
  return Buffer.from(result.outputFiles[0].contents);
}

/** A bundled worker with the site's assets injected as `self.__SW_MANIFEST` (@serwist/build). */
export async function withManifest(code, dir) {
  const swSrc = join(dir, '..', `${dir.split('/').pop()}-sw.src.js`);
  writeFileSync(swSrc, code);
  const { count, warnings } = await injectManifest({ swSrc, swDest: join(dir, 'sw.js'), globDirectory: dir, globPatterns: ['assets/**/*'], dontCacheBustURLsMatching: HASHED });
  if (warnings.length) throw new Error(`injectManifest warned: ${warnings.join('; ')}`);
  return { code: readFileSync(join(dir, 'sw.js')), entries: count };
}
