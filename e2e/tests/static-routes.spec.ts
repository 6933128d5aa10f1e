import { expect, test } from '@playwright/test';
import { SongbookServer } from '../support/songbook.js';
import { waitForControl } from '../support/worker.js';

// Issue 13: precached files with hashed names are routed by the browser straight to their cache
// (the Static Routing API, InstallEvent.addRoutes); the fetch handler never sees them, and a
// stopped worker is not started for them.

let server: SongbookServer;
test.beforeEach(async () => {
  server = await new SongbookServer().start();
});
test.afterEach(async () => {
  await server.stop();
});

test('hashed precached files are answered from the cache by the browser, never by the fetch handler', async ({ page, context }) => {
  await page.goto(server.url());
  await waitForControl(page);
  const css = await page.evaluate(() => (document.querySelector('link[rel=stylesheet]') as HTMLLinkElement).href);
  expect(css).toMatch(/\/static\/css\/songbook\.[0-9a-f]{8}\.css$/);
  // The debug channel names every request the fetch handler routes.
  const lines: string[] = [];
  context.on('console', (m) => m.text().includes('shellac') && lines.push(m.text()));
  await page.evaluate(() => window.shellac!.debug(true));
  await expect.poll(() => page.evaluate(() => caches.open('shellac:/:meta').then((c) => c.match('/__shellac/debug')).then(Boolean))).toBe(true);

  // The worker stopped, as the browser stops an idle one: answering the file must not start it.
  const cdp = await context.newCDPSession(page);
  const running: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => running.push(...e.versions.map((v) => v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => running.at(-1)).toBe('stopped');
  const sources: string[] = [];
  const network = await context.newCDPSession(page);
  network.on('Network.responseReceived', (e) => {
    if (e.response.url === css) sources.push(e.response.serviceWorkerRouterInfo?.matchedSourceType ?? `(no router info; from worker: ${e.response.fromServiceWorker})`);
  });
  await network.send('Network.enable');
  const asked = server.log.length;
  const status = await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then((r) => r.status), css);
  expect(status).toBe(200);
  await expect.poll(() => sources).toEqual(['cache']);
  expect(server.pathsSince(asked)).toEqual([]);
  expect(running.at(-1)).toBe('stopped');
  expect(lines.filter((l) => l.includes('songbook.') && l.includes('.css'))).toEqual([]);

  // An unhashed file of the precache still goes through the worker (it may be of an older version).
  await page.evaluate(() => fetch('/shellac.js').then((r) => r.text()));
  await expect.poll(() => lines.join('\n')).toMatch(/GET \/shellac\.js → precache/);
});
