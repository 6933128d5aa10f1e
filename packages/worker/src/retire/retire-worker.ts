import { parseCacheName } from '@shellac/protocol';

/**
 * Makes `worker` the kill switch `shellac retire` deploys at a site's worker URL. Browsers that
 * still have the old worker find this one at their next visit (the script's bytes changed) and:
 * - install it without waiting, so the old worker stops at once;
 * - on activate, delete every Shellac cache of the registration's scope (names read with
 *   `parseCacheName`: another scope's caches, or anything not Shellac's, stay), unregister, and
 *   load every open page again, which then comes from the network: no registration matches it.
 *
 * It has no fetch listener on purpose: the browser then sends every request straight to the
 * network, even in the moments before activation ends. It needs nothing from the server (the old
 * manifest may be gone), so it works on any deploy that still serves this one file.
 */
export function retireWorker(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
  worker.addEventListener('activate', (event) => event.waitUntil(retireScope(worker)));
}

async function retireScope(worker: ServiceWorkerGlobalScope) {
  const scope = new URL(worker.registration.scope).pathname;
  const names = (await caches.keys()).filter((name) => parseCacheName(name)?.scope === scope);
  await Promise.all(names.map((name) => caches.delete(name)));
  await worker.registration.unregister().catch(() => false);
  // The old worker's pages are this one's since activation: navigate() works on them, and their
  // new load matches no registration. A page the browser will not navigate keeps its copy until closed.
  for (const client of await worker.clients.matchAll({ type: 'window' })) await client.navigate(client.url).catch(() => null);
}
