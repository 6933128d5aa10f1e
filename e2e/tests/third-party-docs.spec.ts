import { expect, test } from '@playwright/test';
import { SiteBuild } from '../support/build.js';
import { SiteServer } from '../support/site-server.js';
import { cachedUrls, goOffline, waitForControl } from '../support/worker.js';

// Real TypeDoc output (e2e/fixtures/make-typedoc-site.sh), built with no options at all.
const TYPEDOC_SITE = new URL('../fixtures/typedoc-site/', import.meta.url).pathname;
const PAGES = ['classes/worker_src.ShellacWorkerError.html', 'interfaces/protocol_src.Manifest.html'];

test('a TypeDoc build, under a path prefix, with no options: visited pages offline, the rest gets the offline page', async ({ page, context }) => {
  const build = new SiteBuild(TYPEDOC_SITE);
  const server = await new SiteServer(build.out, '/api/').start();
  try {
    const summary = await build.build();
    expect(summary.pages).toBeGreaterThan(70);
    await page.goto(server.url());
    await waitForControl(page);
    const look = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(look).not.toBe('rgba(0, 0, 0, 0)');
    for (const path of PAGES) {
      await page.goto(server.url(path));
      await expect.poll(() => cachedUrls(page, { kind: 'pages' })).toContain(server.url(path));
    }
    await goOffline(context, server);
    for (const path of PAGES) {
      await page.goto(server.url(path));
      await expect(page.locator('h1')).toContainText(path.includes('Manifest') ? 'Manifest' : 'ShellacWorkerError');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(look);
    }
    await page.goto(server.url('interfaces/protocol_src.WorkerConfig.html'));
    await expect(page).toHaveTitle(/You are offline/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(look);
  } finally {
    await server.stop();
    build.remove();
  }
});
