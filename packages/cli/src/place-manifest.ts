import { gzipSync } from 'node:zlib';
import type { Manifest, WorkerConfig } from '@shellac/protocol';
import { workerScript } from './bundle-worker.js';

/**
 * What one more response costs beyond its body: a status line and the headers a static host
 * sends (Content-Type, Cache-Control, ETag, Vary, Content-Encoding, Content-Length, Date,
 * connection headers), measured at 230 to 270 bytes on the hosts of `bench` update-bytes.
 */
export const RESPONSE_BYTES = 240;

/** `sw.js` and where the manifest's entries went: into it, or left to the manifest's own file. */
export interface PlacedManifest {
  sw: string;
  config: WorkerConfig;
  inlined: boolean;
}

const gzip = (text: string) => gzipSync(text, { level: 6 }).length;

/**
 * Writes `sw.js` with the manifest's entries inlined when an update then sends fewer bytes: an
 * update downloads `sw.js` and, unless it carries them, the manifest; the manifest file is written
 * either way (the worker's update check and a retirement read it). Compared gzipped, as a host
 * sends both. Inlined, a first install reads the entries from `sw.js` too and fetches no
 * manifest; the worker's look for updates still reads the file.
 */
export function placeManifest(banner: string, runtime: string, config: WorkerConfig, manifest: Manifest): PlacedManifest {
  const separate = workerScript(banner, runtime, config);
  const inlineConfig: WorkerConfig = { ...config, entries: manifest.entries, ...(manifest.pack && { pack: manifest.pack }) };
  const inline = workerScript(banner, runtime, inlineConfig);
  const inlined = gzip(inline) < gzip(separate) + gzip(JSON.stringify(manifest)) + RESPONSE_BYTES;
  return inlined ? { sw: inline, config: inlineConfig, inlined } : { sw: separate, config, inlined };
}
