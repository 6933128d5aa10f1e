import type { Core } from './core/create-core.js';
import type { RetireGate } from './units/retire-gate.js';
import type { UpdateUnit } from './units/update-unit.js';

declare const self: ServiceWorkerGlobalScope;

/** How long a navigation waits for the status of the manifest it made the worker look at. */
const VERDICT_WAIT_MS = 2000;

/**
 * Answers a fetch event through the core when something takes it; otherwise leaves it to the
 * browser. Once the worker retired (`gate`), or a navigation's update check (`update`) says it
 * retires, a navigation is sent to the network instead.
 */
export function fetchHandler(core: Core, gate: RetireGate, update: UpdateUnit): (event: FetchEvent) => void {
  const bounced = new Set<string>();
  // Retired: the page is sent to its own URL once the registration is gone, so the browser loads it
  // from the network and no worker controls it (answered as it is, it would be the retired worker's).
  const leave = (request: Request) => (bounced.add(request.url), Response.redirect(request.url, 302));
  const leaveIfRetired = async (request: Request, answer: Promise<Response> | undefined, verdict: Promise<boolean>): Promise<Response> => {
    const retiring = await Promise.race([verdict, new Promise<false>((r) => setTimeout(r, VERDICT_WAIT_MS, false))]);
    if (retiring && request.method === 'GET') {
      // The answer no one will read still runs (a page kept, a cache opened to look in): the
      // retirement waits for it, or its cache would be opened again after the clear.
      if (answer) gate.track(answer);
      await gate.unregistered();
      return leave(request);
    }
    return (await answer) ?? fetch(request);
  };

  return (event) => {
    const { request } = event;
    // Retired: the browser takes every request, and no unit is woken to load (so open) its caches.
    if (gate.retired) {
      // A page still on this worker registered it again before the browser let it go (Chromium
      // revives the registration): its next navigation is sent to the network the same way, once per URL.
      if (request.mode === 'navigate' && request.method === 'GET' && !bounced.has(request.url)) {
        event.respondWith(self.registration.unregister().catch(() => false).then(() => leave(request)));
        event.waitUntil(gate.settle());
      }
      return;
    }
    const answer = core(request, {
      preload: event.preloadResponse as Promise<Response | undefined>, // a promise of the preload response, or undefined
      waitUntil: (p) => (gate.track(p), event.waitUntil(p)),
      clientId: event.clientId,
      resultingClientId: event.resultingClientId,
    });
    // A navigation that started an update check waits (a little) for its verdict: should the
    // site have retired the worker, its page must not become the retired worker's.
    const verdict = request.mode === 'navigate' ? update.verdict() : undefined;
    const held = verdict ? leaveIfRetired(request, answer, verdict) : answer;
    if (held) event.respondWith((gate.track(held), held));
  };
}
