import { expect, test } from '@playwright/test';
import { aliceBrowses, aliceInCaches } from '../support/alice.js';
import { doSwitch } from '../support/identity-switch.js';
import { SongbookServer } from '../support/songbook.js';
import { content, settled } from '../support/songbook-content.js';

// Issue 4: after a logout, a change of person, or an expired session, nothing of Alice's shows to
// Bob or to an anonymous visitor, online or offline, in any tab; and Bob's own pages work.

test.describe('one browser', () => {
  let server: SongbookServer;
  test.beforeEach(async () => {
    server = await new SongbookServer().start();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('a tab holding unsaved input shows a notice instead of reloading, and keeps the input', async ({ page, context }) => {
    await aliceBrowses(page, server);
    const other = await context.newPage();
    await other.goto(server.url());
    await settled(other);
    await other.fill('#q', 'scales I was typing');
    await other.evaluate(() => ((window as { stayed?: number }).stayed = 1));
    await doSwitch('logout', page, server);
    const notice = other.locator('[data-shellac-user-notice]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('signed out');
    await expect(other.locator('#q')).toHaveValue('scales I was typing');
    expect(await other.evaluate(() => (window as { stayed?: number }).stayed)).toBe(1);
    // Its button reloads.
    await notice.locator('button').click();
    await expect(other.locator('[data-shellac-user-notice]')).toHaveCount(0);
    await expect.poll(() => other.evaluate(() => (window as { stayed?: number }).stayed)).toBeUndefined();
  });

  test('the remembered person survives the worker being restarted: a restart alone drops nothing', async ({ page }) => {
    await aliceBrowses(page, server);
    const before = (await aliceInCaches(page)).leaks.length;
    expect(before).toBeGreaterThan(0);
    // Chromium stops idle workers; a new instance must load the tag, not start from nobody.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto(server.url('lessons/2'));
    await settled(page);
    await page.goto(server.url('account'));
    await expect(content(page)).toContainText('Signed in as alice');
    expect((await aliceInCaches(page)).leaks.length).toBeGreaterThanOrEqual(before);
    expect(await page.locator('[data-shellac-user-notice]').count()).toBe(0);
  });

  test('rotating the secret keeps the person: no caches dropped, no page reloaded', async ({ page, context }) => {
    await server.stop();
    server = new SongbookServer();
    server.secret = 'old-secret-0123456789abcdef';
    await server.start();
    await aliceBrowses(page, server);
    const other = await context.newPage();
    await other.goto(server.url('lessons/2'));
    await settled(other);
    await other.evaluate(() => ((window as { stayed?: number }).stayed = 1));
    const kept = (await aliceInCaches(page)).leaks.length;
    const storedTag = () => page.evaluate(() => caches.open('shellac:/:meta').then((c) => c.match('/__shellac/user')).then((r) => r?.json()).then((s) => s?.tag as string | undefined));
    const oldTag = await storedTag();

    // The new secret first, the old one still accepted: each response lists both tags.
    server.secret = ['new-secret-0123456789abcdef', 'old-secret-0123456789abcdef'];
    await server.restart();
    const both = await page.evaluate(() => fetch('/lessons/3?from_appshell=1').then((r) => r.headers.get('X-Shellac-User')));
    expect(both?.split(', ')).toHaveLength(2);
    expect(both?.split(', ')[1]).toBe(oldTag);
    await page.goto(server.url('lessons/1'));
    await expect(content(page)).toContainText('In your practice list');
    await expect.poll(storedTag).toBe(both?.split(', ')[0]);
    // Then the old secret retired: the new tag alone is still the same person.
    server.secret = 'new-secret-0123456789abcdef';
    await server.restart();
    await page.goto(server.url('account'));
    await expect(content(page)).toContainText('Signed in as alice');
    expect((await aliceInCaches(page)).leaks.length).toBeGreaterThanOrEqual(kept);
    expect(await other.evaluate(() => (window as { stayed?: number }).stayed)).toBe(1);
    expect(await page.locator('[data-shellac-user-notice]').count()).toBe(0);
  });

  test('content responses carry an opaque user tag, never the raw id', async ({ page }) => {
    await aliceBrowses(page, server);
    const tags = await page.evaluate(async () => {
      const get = (u: string) => fetch(u).then((r) => r.headers.get('X-Shellac-User'));
      return { account: await get('/account?from_appshell=1'), lesson: await get('/lessons/2?from_appshell=1') };
    });
    expect(tags.account).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(tags.lesson).toBe(tags.account);
    const anonymous = await (await fetch(server.url('lessons/2?from_appshell=1'))).headers.get('X-Shellac-User');
    expect(anonymous).toBe('anonymous');
  });
});
