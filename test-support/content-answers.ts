/** Answers for the test server, as a server following the app-shell protocol gives them. */
import { CONTENT_HEADER } from '@shellac/protocol';
import type { Answer } from './server.js';

/** A content-only response, as a server following the app-shell protocol sends it. */
export const content = (title: string, body: string, head = ''): Answer => ({
  headers: { 'Content-Type': 'text/html; charset=utf-8', [CONTENT_HEADER]: '1' },
  body: `<!doctype html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`,
});
export const fullPage = (title: string, body: string): Answer => ({
  headers: { 'Content-Type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`,
});

/** Content the service worker rendered itself (offline, or the server slow). */
export const rendered = (title: string, body: string): Answer => ({ ...content(title, body), headers: { ...content(title, body).headers, 'X-Shellac-Rendered': 'worker' } });
