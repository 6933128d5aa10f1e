import { expect, test } from '@playwright/test';
import { builtConfig } from '../../packages/cli/src/testing/built-worker.js';
import { SiteBuild } from '../support/build.js';
import { SiteServer } from '../support/site-server.js';
import { SongbookServer } from '../support/songbook.js';
import { waitForControl } from '../support/worker.js';

// Issue 13: precached files with hashed names are routed by the browser straight to their cache
// (the Static Routing API, InstallEvent.addRoutes); the fetch handler never sees them, and a
// stopped worker is not started for them.

test.describe('the Songbook', () => {
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
});

test.describe('a static site with a folder of hashed files', () => {
  let build: SiteBuild;
  let server: SiteServer;
  test.afterEach(async () => {
    await server?.stop();
    build?.remove();
  });

  test('the folder is one static route; its files come from the cache with the worker stopped', async ({ page, context }) => {
    build = new SiteBuild();
    const assets = { 'assets/app.3f9a1c2b.js': 'window.app = 1;\n', 'assets/css/theme.1a2b3c4d.css': 'body { color: #222 }\n', 'assets/img/dot.5e6f7a8b.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n' };
    for (const [rel, body] of Object.entries(assets)) build.write(rel, body);
    await build.build();
    expect(builtConfig(build.out).hashedFolders).toEqual(['assets/']);
    server = await new SiteServer(build.out).start();
    await page.goto(server.url());
    await waitForControl(page);

    // The rules the browser holds for the worker: the folder as one pattern, none of its files.
    const cdp = await context.newCDPSession(page);
    const versions: { runningStatus: string; routerRules?: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versions.find((v) => v.routerRules)?.routerRules).toContain('/assets/*');
    const rules = versions.find((v) => v.routerRules)!.routerRules!;
    for (const rel of Object.keys(assets)) expect(rules).not.toContain(rel.split('/').pop()!);

    // Stopped, as the browser stops an idle worker: the files must not start it, nor reach the server.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => versions.at(-1)?.runningStatus).toBe('stopped');
    const sources: string[] = [];
    const network = await context.newCDPSession(page);
    network.on('Network.responseReceived', (e) => {
      if (e.response.url.includes('/assets/')) sources.push(e.response.serviceWorkerRouterInfo?.matchedSourceType ?? '(no router info)');
    });
    await network.send('Network.enable');
    const asked = server.log.length;
    const bodies = await page.evaluate((urls) => Promise.all(urls.map((u) => fetch(u, { cache: 'no-store' }).then((r) => r.text()))), Object.keys(assets).map((rel) => `/${rel}`));
    expect(bodies).toEqual(Object.values(assets));
    await expect.poll(() => sources).toEqual(['cache', 'cache', 'cache']);
    expect(server.pathsSince(asked)).toEqual([]);
    expect(versions.at(-1)?.runningStatus).toBe('stopped');
  });
});
