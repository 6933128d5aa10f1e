import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ANONYMOUS, HEADER, parseUserTags, type RequestLike } from '@shellac/protocol';
import { createShellacServer, createUserTagger, ShellacServerError, type IdentityOptions } from './index.js';
import { HASHED_CSS } from './testing/build-dir.js';
import { html } from './testing/html-response.js';
import { at, build, shellac, SHELL } from './testing/shellac.js';
import { throwsCode } from './testing/throws-code.js';

describe('identity: the X-Shellac-User tag', () => {
  const SECRET = 'a-test-secret-of-32-characters!!';
  const OLD = 'the-previous-secret-0123456789';
  const tagOf = createUserTagger({ secret: SECRET });
  const make = (identity: IdentityOptions) => createShellacServer({ buildDir: build.buildDir, shell: () => SHELL, identity });
  // The session cookie `sid=<user id>`, as an app's session lookup would give it.
  const identify = (request: RequestLike) => /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null;
  const signedIn = (path: string, id: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', `sid=${id}`);
    return at(path, { ...init, headers });
  };
  const json = () => new Response('{}', { headers: { 'Content-Type': 'application/json' } });
  const redirect = () => new Response(null, { status: 303, headers: { Location: '/' } });

  test('identify tags every HTML response, full and content-only, private unless the app said otherwise', async () => {
    const server = make({ secret: SECRET, identify });
    for (const path of ['/lessons/1', '/lessons/1?from_appshell=1']) {
      const r = await server.finish(signedIn(path, '42'), html('<title>x</title>'));
      assert.equal(r.headers.get(HEADER.user), tagOf('42'), path);
      assert.equal(r.headers.get('cache-control'), 'private', path);
      assert.equal(r.headers.get('vary'), HEADER.navigationPreload, path); // Cookie is not added to Vary
    }
    const own = await server.finish(signedIn('/lessons/1', '42'), html('x', { 'Cache-Control': 'no-store' }));
    assert.equal(own.headers.get('cache-control'), 'no-store');
    const nobody = await server.finish(at('/lessons/1'), html('x'));
    assert.equal(nobody.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(nobody.headers.get('cache-control'), null); // an anonymous page may be shared
  });

  test('the view passed to finish carries the request identify reads', async () => {
    const server = make({ secret: SECRET, identify });
    const request = signedIn('/lessons/1', 'bob');
    const r = await server.finish(request, html('x'), server.view(request));
    assert.equal(r.headers.get(HEADER.user), tagOf('bob'));
  });

  test('view.user names the person and wins over identify; null is anonymous; the last call counts', async () => {
    const server = make({ secret: SECRET, identify });
    const request = signedIn('/account?from_appshell=1', 'bob');
    const view = server.view(request);
    view.user('42');
    const r = await server.finish(request, html('<title>Account</title>'), view);
    assert.equal(r.headers.get(HEADER.user), tagOf('42'));
    assert.equal(r.headers.get(HEADER.content), '1');
    assert.equal(r.headers.get('cache-control'), 'private');
    const anon = server.view(request);
    anon.user(null);
    assert.equal((await server.finish(request, html('x'), anon)).headers.get(HEADER.user), ANONYMOUS);
    // Without identify, only the views that say so are tagged.
    const plain = make({ secret: SECRET });
    assert.equal((await plain.finish(at('/lessons/1'), html('x'))).headers.get(HEADER.user), null);
    const marked = plain.view(at('/lessons/1'));
    marked.user(7);
    assert.equal((await plain.finish(at('/lessons/1'), html('x'), marked)).headers.get(HEADER.user), tagOf(7));
  });

  test('never the raw id; rotation sends the tag under each secret, newest first', async () => {
    const server = make({ secret: [SECRET, OLD] });
    const view = server.view(at('/lessons/1'));
    view.user('alice@example.com');
    const r = await server.finish(at('/lessons/1'), html('x'), view);
    const value = r.headers.get(HEADER.user) ?? '';
    assert.doesNotMatch(value, /alice/);
    assert.deepEqual(parseUserTags(value), [tagOf('alice@example.com'), createUserTagger({ secret: OLD })('alice@example.com')]);
    assert.equal(server.userTag('alice@example.com'), value);
  });

  test('non-HTML is untouched, even for a named person', async () => {
    const server = make({ secret: SECRET, identify });
    const view = server.view(signedIn('/api/me', '42'));
    view.user('42');
    const r = await server.finish(signedIn('/api/me', '42'), json(), view);
    assert.equal(r.headers.get(HEADER.user), null);
    assert.equal(r.headers.get('cache-control'), null);
  });

  test('loggedOut: anonymous on any response, a redirect included, and Clear-Site-Data when asked', async () => {
    const server = make({ secret: SECRET, identify });
    const request = signedIn('/logout', '42', { method: 'POST' });
    const view = server.view(request);
    view.user('42');
    view.loggedOut(); // after the session middleware named the person
    const r = await server.finish(request, redirect(), view);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/');
    assert.equal(r.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(r.headers.get('clear-site-data'), null);
    assert.equal(r.headers.get('cache-control'), null);

    const wiping = make({ secret: SECRET, clearSiteData: true });
    const out = wiping.view(request);
    out.loggedOut();
    // An immutable redirect (`Response.redirect`) is copied, not refused.
    const copied = await wiping.finish(request, Response.redirect('http://example.test/', 303), out);
    assert.equal(copied.status, 303);
    assert.equal(copied.headers.get(HEADER.user), ANONYMOUS);
    assert.equal(copied.headers.get('clear-site-data'), '"cache", "storage"');

    const listed = make({ secret: SECRET, clearSiteData: ['cache', 'cookies', 'executionContexts'] });
    const page = listed.view(request);
    page.loggedOut();
    const signedOut = await listed.finish(request, html('<title>Bye</title>'), page);
    assert.equal(signedOut.headers.get('clear-site-data'), '"cache", "cookies", "executionContexts"');
    assert.equal(signedOut.headers.get(HEADER.user), ANONYMOUS);
  });

  test("the app's own X-Shellac-User and Clear-Site-Data are kept", async () => {
    const server = make({ secret: SECRET, identify, clearSiteData: true });
    const r = await server.finish(signedIn('/lessons/1', '42'), html('x', { [HEADER.user]: 'set-by-app' }));
    assert.equal(r.headers.get(HEADER.user), 'set-by-app');
    const view = server.view(at('/logout'));
    view.loggedOut();
    const out = await server.finish(at('/logout'), html('x', { 'Clear-Site-Data': '"cookies"' }), view);
    assert.equal(out.headers.get('clear-site-data'), '"cookies"');
  });

  test('immutable HTML headers are copied with the tag', async () => {
    const server = make({ secret: SECRET, identify });
    const frozen = await fetch('data:text/html;charset=utf-8,<title>x</title>'); // fetch() gives immutable headers
    assert.throws(() => frozen.headers.set('X-Probe', '1'));
    const r = await server.finish(signedIn('/lessons/1', '42'), frozen);
    assert.notEqual(r, frozen);
    assert.equal(r.headers.get(HEADER.user), tagOf('42'));
    assert.equal(r.headers.get('cache-control'), 'private');
  });

  test("Shellac's own files and the shell carry no tag", async () => {
    const server = make({ secret: SECRET, identify });
    for (const path of ['/sw.js', '/__shell', `/static/${HASHED_CSS}`]) {
      const r = await server.handle(signedIn(path, '42'));
      assert.ok(r, path);
      assert.equal(r.headers.get(HEADER.user), null, path);
      await r.arrayBuffer();
    }
  });

  test('without the identity option: no tag, and view.user / userTag say what to set', async () => {
    const r = await shellac.finish(at('/lessons/1'), html('x'));
    assert.equal(r.headers.get(HEADER.user), null);
    assert.equal(r.headers.get('cache-control'), null);
    const view = shellac.view(at('/lessons/1'));
    for (const call of [() => view.user('42'), () => view.loggedOut(), () => shellac.userTag('42')]) {
      assert.throws(call, (e: unknown) => e instanceof ShellacServerError && e.code === 'options' && /`identity` option/.test(e.message));
    }
  });

  test('the identity option is checked at createShellacServer', () => {
    throwsCode(() => make({ secret: 'short' }), 'options');
    throwsCode(() => make({ secret: [SECRET, 'old'] }), 'options');
    throwsCode(() => make({ secret: SECRET, identify: 'sid' as unknown as () => null }), 'options'); // as plain JS could pass it
    throwsCode(() => make({ secret: SECRET, clearSiteData: [] }), 'options');
    throwsCode(() => make({ secret: SECRET, clearSiteData: ['cache', 'everything' as 'cache'] }), 'options'); // as plain JS could pass it
    // The message lists the types (the cast: a wrong case, as plain JS could pass it).
    assert.throws(() => make({ secret: SECRET, clearSiteData: ['Cache' as 'cache'] }), /"executionContexts"/);
    assert.doesNotThrow(() => make({ secret: SECRET, clearSiteData: ['*'] }));
    assert.doesNotThrow(() => make({ secret: SECRET, clearSiteData: false }));
  });

  test('view.user rejects an id that would tag everyone alike', () => {
    const view = make({ secret: SECRET }).view(at('/'));
    throwsCode(() => view.user({ id: 1 } as unknown as string), 'user-id'); // plain JS passing the user object
  });
});
