// Test support: the one application every adapter test serves, so all four are held to the same
// checks (adapter-checks.ts).
import { CONTENT_ATTR } from '@shellac/protocol';
import type { ShellacView } from '../shellac-view.js';

/** The app route every adapter test mounts. */
export const PAGE_PATH = '/lesson/3';
/** A route whose view asks for an asset the build does not have. */
export const BROKEN_PATH = '/broken';
/** A page for one person: its view names them with `view.user(ACCOUNT_USER)`. */
export const ACCOUNT_PATH = '/account';
/** Answers a POST with `view.loggedOut()` and a 303 to `/`, as a logout does. */
export const LOGOUT_PATH = '/logout';
/** The id the account page names. */
export const ACCOUNT_USER = '42';
/** The secret every adapter test keys user tags with. */
export const USER_SECRET = 'adapter-tests-secret-0123456789';
/** A title with a non-ASCII character and a character reference, to check encoding end to end. */
export const TITLE = 'Lesson 3 – Scales & Modes';
const TITLE_HTML = 'Lesson 3 – Scales &amp; Modes';

/** The shell: the base template with an empty content region. */
export function renderShell(): string {
  return `<!doctype html><html><head><title>Songbook</title><script src="/shellac.js" defer></script><script src="/shellac-shell.js" defer></script></head><body><main id="content" ${CONTENT_ATTR}></main></body></html>`;
}

/**
 * The page view, written as an app would: one template choice through `layout`, with the
 * stylesheet's URL from `asset`. Both templates are functions so only the chosen one renders.
 */
export function renderLesson(view: ShellacView): string {
  const body = '<h1>Lesson 3</h1><p>Scales.</p>';
  const full = () =>
    `<!doctype html><html><head><title>${TITLE_HTML}</title><link rel="stylesheet" href="${view.asset('css/app.css')}"></head>` +
    `<body><main id="content" ${CONTENT_ATTR}>${body}</main></body></html>`;
  const content = () => `<!doctype html><html><head><title>${TITLE_HTML}</title></head><body>${body}</body></html>`;
  return view.layout(full, content)();
}

/** The account page: one person's, said before anything is written (the node adapters decide headers then). */
export function renderAccount(view: ShellacView): string {
  view.user(ACCOUNT_USER);
  const body = '<h1>Your account</h1>';
  return view.layout(
    () => `<!doctype html><html><head><title>Account</title></head><body><main id="content" ${CONTENT_ATTR}>${body}</main></body></html>`,
    () => `<!doctype html><html><head><title>Account</title></head><body>${body}</body></html>`,
  )();
}

/** The broken view: throws `unknown-asset`. */
export function renderBroken(view: ShellacView): string {
  return `<link rel="stylesheet" href="${view.asset('css/missing.css')}">`;
}

/** How every test app reports an error: the code and message, so the test can read them. */
export function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `${e.code ?? 'error'}: ${e.message ?? String(error)}`;
}
