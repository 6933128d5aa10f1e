/**
 * Page-side helpers for tests that register service workers of their own, served by the test
 * server (test-support/server.ts). Use scopes of their own (`/c/`): a worker whose scope holds the
 * runner page (`/__unit/page.html`) and claims it sees every request the page makes after, the
 * harness's reports included.
 */
import type { TestServer } from './server.js';

/** Serves `source` at `path` as a worker script (JavaScript, never from the HTTP cache). */
export function serveWorker(server: TestServer, path: string, source: string): Promise<void> {
  return server.route(path, { body: source, headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** Resolves with the registration's worker once it is activated; rejects when it becomes redundant. */
export function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) return Promise.reject(new Error('the registration has no worker'));
  return settled(worker, 'activated');
}

/** Resolves once `worker` reaches `state` (or is past it); rejects when it becomes redundant first. */
export function settled(worker: ServiceWorker, state: 'installed' | 'activated'): Promise<ServiceWorker> {
  const order = ['parsed', 'installing', 'installed', 'activating', 'activated'];
  return new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === 'redundant') reject(new Error(`the worker ${worker.scriptURL} became redundant (its install or activate failed)`));
      else if (order.indexOf(worker.state) >= order.indexOf(state)) resolve(worker);
      else return;
      worker.removeEventListener('statechange', check);
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * A worker script that posts the `announce` field of each message it gets to every window of the
 * origin, controlled or not: what a Shellac worker does when it tells pages of an event.
 */
export const ANNOUNCER = `
addEventListener('message', (event) => {
  if (!event.data || !('announce' in event.data)) return;
  event.waitUntil(clients.matchAll({ type: 'window', includeUncontrolled: true }).then((all) => {
    for (const client of all) client.postMessage(event.data.announce);
  }));
});
`;
