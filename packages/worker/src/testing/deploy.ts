// Test support for the precache's units (run in a service worker): deploys a version to the test
// server, and reads back which files the precache downloaded.
import type { Manifest } from '@shellac/protocol';
import { testServer } from '../../../../test-support/server.js';
import { manifestOf } from './manifest-of.js';

const server = testServer();

/** Serves a manifest of `files` and the files themselves (unless `serve` says otherwise). */
export const deploy = async (dir: string, version: string, files: Record<string, string>, serve: Record<string, string | undefined> = files) => {
  const manifest = await manifestOf(version, files);
  await serveManifest(dir, manifest);
  for (const [path, body] of Object.entries(serve)) if (body !== undefined) await server.route(`/${dir}/${path}`, { body });
  return manifest;
};
export const serveManifest = (dir: string, manifest: Manifest) =>
  server.route(`/${dir}/shellac-manifest.json`, { body: JSON.stringify(manifest), headers: { 'Content-Type': 'application/json' } });
export const downloads = async () => (await server.requests()).map((r) => r.path).filter((p) => !p.includes('manifest')).sort();
