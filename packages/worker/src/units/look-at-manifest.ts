import type { UpdateCheck } from '@shellac/protocol';

/**
 * What the deployed manifest says of this worker: `current`, `newer`, `retired` (a 404 or 410),
 * or `error` (a 5xx or a network failure: an outage, never a retirement), recorded as looked at
 * `at`. `staying` is called once the status line tells the worker stays: a waiting
 * navigation goes on.
 */
export async function lookAtManifest(manifestUrl: URL, version: string, at: number, staying?: () => void): Promise<UpdateCheck> {
  const response = await fetch(manifestUrl, { cache: 'no-cache' }).catch((error: unknown) => String(error));
  if (typeof response === 'string') return staying?.(), { at, outcome: 'error', detail: response };
  if (response.status === 404 || response.status === 410) return { at, outcome: 'retired', detail: String(response.status) };
  staying?.();
  if (!response.ok) return { at, outcome: 'error', detail: String(response.status) };
  const deployed = (await response.json().catch(() => undefined)) as { version?: unknown } | undefined; // only its version is read
  return deployed?.version === version ? { at, outcome: 'current' } : { at, outcome: 'newer', detail: String(deployed?.version) };
}
