// Chromium for browser rows: the system's (Debian's /usr/bin/chromium, or CHROMIUM_PATH),
// driven by playwright-core. Nothing is downloaded.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Applies CDP network conditions to the service workers of one browser context.
 *
 * `Network.emulateNetworkConditions` on a page's session throttles that page's own requests
 * (and navigation preloads), but not the `fetch()` calls its service worker makes: the worker is
 * a target of its own. DevTools throttles every target it is attached to; this does the same for
 * the workers, through the browser session (`Target.attachToTarget` without flattening, then
 * `Target.sendMessageToTarget`, which Playwright's CDPSession can carry).
 * Resolves `{ workers, detach() }`.
 */
export async function emulateOnServiceWorkers(browserSession, browserContextId, conditions) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.browserContextId === browserContextId);
  const sessions = [];
  let nextId = 0;
  const pending = new Map();
  const onMessage = (event) => {
    const message = JSON.parse(event.message);
    const done = pending.get(`${event.sessionId}:${message.id}`);
    if (!done) return;
    pending.delete(`${event.sessionId}:${message.id}`);
    done(message);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  const send = (sessionId, method, params = {}) => new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(`${sessionId}:${id}`, (m) => (m.error ? reject(new Error(`${method} on a service worker: ${m.error.message}`)) : resolve(m.result)));
    browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  try {
    for (const w of workers) {
      const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
      sessions.push(sessionId);
      await send(sessionId, 'Network.enable');
      await send(sessionId, 'Network.emulateNetworkConditions', conditions);
    }
  } catch (err) {
    browserSession.off('Target.receivedMessageFromTarget', onMessage);
    throw err;
  }
  return {
    workers: workers.length,
    async detach() {
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      for (const sessionId of sessions) await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}
