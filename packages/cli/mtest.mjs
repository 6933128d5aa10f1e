import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const names = process.argv[2];
const r = await build({ stdin: { contents: `import { createShellac, networkFirst } from '@shellac/worker'; createShellac({"version":"6978a976fd74af6e","manifest":"shellac-manifest.json","offlinePage":"offline.html","pages":{"maxEntries":200,"maxAgeSeconds":2592000,"maxBytes":52428800,"networkTimeoutSeconds":3},"directoryIndex":"index.html","activate":"immediately","precacheConcurrency":8, strategies:{networkFirst}}).listen(self);`, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'iife', target: 'es2022', write: false, ...(names ? { mangleProps: new RegExp(`^(${names})$`), mangleQuoted: true } : {}) });
const t = r.outputFiles[0].text; console.log(t.length, gzipSync(t, { level: 9 }).length);
