// Test support: one table of responses an application sends, with the headers each must leave
// with, run through the core's `finish` and through every adapter against a real server, so the
// one function that decides the protocol's headers (finish-headers.ts) is held to the same
// answers on every platform.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANONYMOUS, HEADER } from '@shellac/protocol';
import type { ShellacView } from '../shellac-view.js';
import { createUserTagger } from '../user-tag.js';
import { USER_SECRET } from './app.js';

/** Where each adapter test mounts the case route: `CASE_PATH + name` (GET and POST). */
export const CASE_PATH = '/cases/';

/** The identity option every server running the cases has. */
export const CASE_IDENTITY = { secret: USER_SECRET, clearSiteData: true };

/** What the case route sends. */
export interface SentCase {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface HeaderCase extends SentCase {
  name: string;
  /** Ask for the content alone (`?from_appshell=1`). */
  contentOnly?: boolean;
  /** What the route tells its view before it sends anything. */
  tell?: (view: ShellacView) => void;
  /** The headers the response must leave with; null: absent. */
  expect: Record<string, string | null>;
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const doc = (title: string, body = '<p>x</p>') => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
const PRELOAD = HEADER.navigationPreload;
const TAG = createUserTagger({ secret: USER_SECRET })('42');
const page = (name: string, more: Partial<HeaderCase> & Pick<HeaderCase, 'expect'>): HeaderCase => ({ name, status: 200, headers: HTML, body: doc('Page'), ...more });

const CASES: readonly HeaderCase[] = [
  page('full-page', { expect: { vary: PRELOAD, [HEADER.content]: null, [HEADER.title]: null, [HEADER.user]: null, 'cache-control': null } }),
  page('vary-merged', { headers: { ...HTML, Vary: 'Cookie' }, expect: { vary: `Cookie, ${PRELOAD}` } }),
  page('vary-already-named', { headers: { ...HTML, Vary: PRELOAD.toLowerCase() }, expect: { vary: PRELOAD.toLowerCase() } }),
  page('vary-star', { headers: { ...HTML, Vary: '*' }, expect: { vary: '*' } }),
  page('content-title-from-body', {
    contentOnly: true,
    body: doc('\n  Lesson 3 &ndash; Scales &amp; Modes &#x1F3B5;\n'),
    expect: { vary: PRELOAD, [HEADER.content]: '1', [HEADER.title]: encodeURIComponent('Lesson 3 – Scales & Modes 🎵') },
  }),
  page('content-title-from-layout', {
    contentOnly: true,
    body: doc('Sent'), // differs from what layout saw: the known title wins, the body is not read for it
    tell: (view) => void view.layout('full', doc('Noted')),
    expect: { [HEADER.content]: '1', [HEADER.title]: 'Noted' },
  }),
  page('content-title-from-app', { contentOnly: true, headers: { ...HTML, [HEADER.title]: 'App%20title' }, expect: { [HEADER.title]: 'App%20title' } }),
  page('content-no-title-in-head', { contentOnly: true, body: '<html><head></head><body><svg><title>svg</title></svg></body></html>', expect: { [HEADER.content]: '1', [HEADER.title]: null } }),
  page('content-empty-title', { contentOnly: true, body: doc(''), expect: { [HEADER.content]: '1', [HEADER.title]: null } }),
  page('content-not-found', { contentOnly: true, status: 404, body: doc('Missing'), expect: { [HEADER.content]: '1', [HEADER.title]: 'Missing' } }),
  page('content-json', { contentOnly: true, headers: JSON_TYPE, body: '{"ok":true}', expect: { vary: null, [HEADER.content]: null, [HEADER.title]: null } }),
  page('user-full-page', { tell: (view) => view.user('42'), expect: { [HEADER.user]: TAG, 'cache-control': 'private', vary: PRELOAD } }),
  page('user-content', { contentOnly: true, tell: (view) => view.user(42), expect: { [HEADER.user]: TAG, 'cache-control': 'private', [HEADER.content]: '1', [HEADER.title]: 'Page' } }),
  page('user-own-cache-control', { headers: { ...HTML, 'Cache-Control': 'no-store' }, tell: (view) => view.user('42'), expect: { [HEADER.user]: TAG, 'cache-control': 'no-store' } }),
  page('user-own-tag', { headers: { ...HTML, [HEADER.user]: 'set-by-app' }, tell: (view) => view.user('42'), expect: { [HEADER.user]: 'set-by-app', 'cache-control': 'private' } }),
  page('user-nobody', { tell: (view) => view.user(null), expect: { [HEADER.user]: ANONYMOUS, 'cache-control': null } }),
  page('user-json', { headers: JSON_TYPE, body: '{"ok":true}', tell: (view) => view.user('42'), expect: { [HEADER.user]: null, 'cache-control': null, vary: null } }),
  page('logout-redirect', {
    status: 303,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Location: '/' },
    body: '',
    tell: (view) => {
      view.user('42');
      view.loggedOut(); // after the session middleware named the person
    },
    expect: { location: '/', [HEADER.user]: ANONYMOUS, 'clear-site-data': '"cache", "storage"', 'cache-control': null, vary: null },
  }),
  page('logout-own-clear-site-data', {
    headers: { ...HTML, 'Clear-Site-Data': '"cookies"' },
    tell: (view) => view.loggedOut(),
    expect: { [HEADER.user]: ANONYMOUS, 'clear-site-data': '"cookies"', vary: PRELOAD },
  }),
];

/** What the route at `CASE_PATH + name` sends, once it has told its view what the case says. */
export function renderCase(view: ShellacView, name: string): SentCase {
  const found = CASES.find((c) => c.name === name);
  if (!found) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `no case ${name}` };
  found.tell?.(view);
  return { status: found.status, headers: found.headers, body: found.body };
}

/** Registers one test per case: `get` fetches the case route of a server set up as above. */
export function headerCaseChecks(get: (path: string, init?: RequestInit) => Promise<Response>): void {
  for (const c of CASES) {
    test(`headers: ${c.name}`, async () => {
      const r = await get(`${CASE_PATH}${c.name}${c.contentOnly ? '?from_appshell=1' : ''}`, { redirect: 'manual' });
      assert.equal(r.status, c.status);
      for (const [name, value] of Object.entries(c.expect)) assert.equal(r.headers.get(name), value, name);
      assert.equal(await r.text(), c.body); // passed through untouched, whoever read its head
    });
  }
}
