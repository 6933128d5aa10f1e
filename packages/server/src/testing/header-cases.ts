// Test support: one table of responses an application sends, with the headers each must leave
// with, run through the core's `finish` and through every adapter against a real server, so the
// one function that decides the protocol's headers (finish-headers.ts) is held to the same
// answers on every platform. The table is shared with django_shellac:
// packages/protocol/vectors/header-cases.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ShellacView } from '../shellac-view.js';
import type { UserId } from '../user-tag.js';
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

/** What a route tells its view before it sends anything: `['user', id]` or `['loggedOut']`. */
type Tell = ['user', UserId] | ['loggedOut'] | ['layout', string, string];

interface HeaderCase extends SentCase {
  name: string;
  /** Ask for the content alone (`?from_appshell=1`). */
  contentOnly?: boolean;
  tell?: Tell[];
  /** The headers the response must leave with; null: absent. */
  expect: Record<string, string | null>;
}

const shared = JSON.parse(readFileSync(new URL('../../../protocol/vectors/header-cases.json', import.meta.url), 'utf8')) as { secret: string; cases: HeaderCase[] }; // checked by the tests that run it
assert.equal(shared.secret, USER_SECRET, 'header-cases.json expects the tags under the adapter tests secret');

/** The shared protocol cases, which every server (Node or Django) must pass. */
export const PROTOCOL_CASES: readonly HeaderCase[] = shared.cases;

/**
 * A case of the Node core alone: a title `layout` saw in a content document it handed out wins,
 * and the body is not read for it (the view API has no equivalent on other platforms).
 */
const NODE_CASES: readonly HeaderCase[] = [
  {
    name: 'content-title-from-layout',
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: '<!doctype html><html><head><title>Sent</title></head><body><p>x</p></body></html>',
    contentOnly: true,
    tell: [['layout', 'full', '<!doctype html><html><head><title>Noted</title></head><body><p>x</p></body></html>']],
    expect: { 'X-Shellac-Content': '1', 'X-Shellac-Title': 'Noted' },
  },
];

const CASES = [...PROTOCOL_CASES, ...NODE_CASES];

function apply(view: ShellacView, tell: Tell): void {
  if (tell[0] === 'user') view.user(tell[1]);
  else if (tell[0] === 'loggedOut') view.loggedOut();
  else void view.layout(tell[1], tell[2]);
}

/** What the route at `CASE_PATH + name` sends, once it has told its view what the case says. */
export function renderCase(view: ShellacView, name: string): SentCase {
  const found = CASES.find((c) => c.name === name);
  if (!found) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `no case ${name}` };
  for (const tell of found.tell ?? []) apply(view, tell);
  return { status: found.status, headers: found.headers, body: found.body };
}

/** Registers one test per case: `get` fetches the case route of a server set up as above. */
export function headerCaseChecks(get: (path: string, init?: RequestInit) => Promise<Response>, cases: readonly HeaderCase[] = CASES): void {
  for (const c of cases) {
    test(`headers: ${c.name}`, async () => {
      const r = await get(`${CASE_PATH}${c.name}${c.contentOnly ? '?from_appshell=1' : ''}`, { redirect: 'manual' });
      assert.equal(r.status, c.status);
      for (const [name, value] of Object.entries(c.expect)) assert.equal(r.headers.get(name), value, name);
      assert.equal(await r.text(), c.body); // passed through untouched, whoever read its head
    });
  }
}

/** The Node-only cases, for the adapters (the shared ones run in the protocol checks). */
export const NODE_ONLY_CASES = NODE_CASES;
