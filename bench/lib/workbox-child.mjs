// Child process for `build-manifest`: times workbox-build as a user's build script would run
// it (a fresh Node process that imports workbox-build and calls one function).
//   node bench/lib/workbox-child.mjs generateSW <site> <swDest>
//   node bench/lib/workbox-child.mjs getManifest <site>
import workboxBuild from 'workbox-build';
import { workboxGenerateOptions } from './peers.mjs';

const [mode, site, swDest] = process.argv.slice(2);
const globPatterns = ['**/*'];
const maximumFileSizeToCacheInBytes = 5 * 1024 * 1024;
let result;
if (mode === 'generateSW') {
  result = await workboxBuild.generateSW(workboxGenerateOptions({ site, swDest, globPatterns, maximumFileSizeToCacheInBytes }));
} else if (mode === 'getManifest') {
  result = await workboxBuild.getManifest({ globDirectory: site, globPatterns, maximumFileSizeToCacheInBytes });
} else {
  console.error(`usage: workbox-child.mjs generateSW|getManifest <site> [swDest]`);
  process.exit(2);
}
// One line of JSON for the parent: how many files and bytes went into the manifest.
console.log(JSON.stringify({ count: result.count, size: result.size, warnings: result.warnings.length }));
