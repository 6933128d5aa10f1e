// Test support: the one application every adapter test serves, so all four are held to the same
// checks (adapter-checks.ts).
import { CONTENT_ATTR } from '@shellac/protocol';
import type { ShellacView } from '../create-shellac-server.js';

/** The app route every adapter test mounts. */
export const PAGE_PATH = '/lesson/3';
/** A route whose view asks for an asset the build does not have. */
export const BROKEN_PATH = '/broken';
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

/** The broken view: throws `unknown-asset`. */
export function renderBroken(view: ShellacView): string {
  return `<link rel="stylesheet" href="${view.asset('css/missing.css')}">`;
}

/** How every test app reports an error: the code and message, so the test can read them. */
export function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `${e.code ?? 'error'}: ${e.message ?? String(error)}`;
}
