// client-size: gzip bytes of the page-side script.
// OURS: packages/client/dist/browser/shellac.js (minified script from `npm run build`); beside
// it, not counted, shellac-clear.js, which a page imports only when no worker cleared its caches.
// PEER: workbox-window doing register + update handling, bundled and minified by esbuild.
// Beside them, the floor: fixtures/minimal-client.js, the same duties hand-written, bundled alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { FIXTURES } from '../lib/paths.mjs';
import { gzipSize } from '../lib/gzip.mjs';
import { requireClient } from '../lib/shellac.mjs';

export const id = 'client-size';
export const what = 'gzip -9 bytes of the page script (register + update handling)';
export const unit = 'bytes';
// Issue 13: at most 0.6x workbox-window as bundlers pick it (its ES5 build) and 0.9x its
// modern ES2017 build (issue 2: under 1.5 KB, checked in npm test).
export const goal = { against: 'peer', max: 0.6 };
export const peerName = 'workbox-window';
export const goals = [{ against: 'workboxWindowModern', max: 0.9, label: 'workbox-window ES2017' }];

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: FIXTURES, sourcefile: 'entry.js' },
    bundle: true, minify: true, format: 'iife', target: 'es2020', platform: 'browser',
    legalComments: 'none', write: false, logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.length, gzip: gzipSize(code) };
}

export async function run() {
  const entry = readFileSync(join(FIXTURES, 'workbox-window-entry.js'), 'utf8');
  // What a bundler resolves by default: package.json "module" → workbox-window.prod.es5.mjs.
  const wbw = await bundle(entry);
  // The ES2017 build, for users who point their bundler at it.
  const wbwModern = await bundle(entry.replace("from 'workbox-window'", "from 'workbox-window/build/workbox-window.prod.mjs'"));
  const minimal = await bundle(readFileSync(join(FIXTURES, 'minimal-client.js'), 'utf8'));
  const partial = {
    peer: wbw.gzip,
    runs: 1,
    peers: { workboxWindow: wbw.gzip, workboxWindowModern: wbwModern.gzip, minimal: minimal.gzip },
    details: {
      rawBytes: { workboxWindow: wbw.bytes, workboxWindowModern: wbwModern.bytes, minimal: minimal.bytes },
      notes: [
        'minimal = fixtures/minimal-client.js: register, activate a waiting update, reload on the new controller, hand-written, bundled as workbox-window is (esbuild, minified, es2020); the floor for those duties',
        "ours also reports updates, safe mode, retirement, a full quota, person changes and going on- and offline as events, clears the offline data (itself, when no worker answers), asks the worker for its status, switches its debug log and looks for updates every hour",
      ],
    },
  };
  const clientPath = requireClient(partial);
  const client = readFileSync(clientPath);
  partial.details.rawBytes.ours = client.length;
  // Not counted, but said: what a page loads beside it only when no worker could clear its caches.
  const clear = readFileSync(join(dirname(clientPath), 'shellac-clear.js'));
  partial.details.notes.push(`not counted: shellac-clear.js, ${gzipSize(clear)} B gzip (${clear.length} B), the rest of clearOfflineData() (the page's own deletion, the clear-failed error), which a page imports only when no worker cleared its caches`);
  return { ours: gzipSize(client), ...partial };
}
