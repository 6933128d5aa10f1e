import type { Manifest } from '@shellac/protocol';
import { ShellacWorkerError } from '../errors.js';

/**
 * The manifest a version installs from, as deployed at `manifestUrl`; throws `bad-manifest` when
 * it is gone or not this version's.
 *
 * With the entries inlined, only whether the manifest is gone (a 404 or 410, a retirement): its
 * headers alone. Anything else (an outage, a host refusing HEAD) lets the install go on.
 * Without them, the plain URL first: the worker's look for updates fetched that very file, so the
 * browser revalidates its copy (a 304) instead of downloading the entries again. A copy of the
 * last deploy's (a cache between) is passed by the versioned URL, `?v=`.
 */
export async function fetchManifest(manifestUrl: URL, version: string, inline?: Manifest): Promise<Manifest> {
  let status;
  for (const url of [manifestUrl, new URL(`?v=${version}`, manifestUrl)]) {
    const response = await fetch(url, { cache: 'no-cache', method: inline && 'HEAD' }).catch(() => undefined);
    status = response?.status;
    if (inline && status !== 404 && status !== 410) return inline;
    if (!response?.ok) break;
    // The build validated every entry; the worker checks only that this is the file of its own
    // build (a deploy that updated sw.js but not yet the manifest must not install).
    const manifest = (await response.json().catch(() => undefined)) as Manifest | undefined; // shape checked next
    if (manifest?.version === version && Array.isArray(manifest.entries)) return manifest;
  }
  throw new ShellacWorkerError('bad-manifest', { url: manifestUrl.href, status, expected: version });
}
