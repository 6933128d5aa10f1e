import type { Context } from 'hono';
import { contentDocument } from '@shellac/server/content';
import { pageHead, renderBase } from './views/layout.js';
import type { Page, Viewer } from './views/page.js';

export interface RenderOptions {
  /** The app shell asked for the content alone (`?from_appshell=1` or the navigation preload). */
  contentOnly: boolean;
  /** The hashed URL of a static file. */
  asset(name: string): string;
  /** Whom the header names. */
  user: Viewer;
}

/**
 * The one template choice of the app-shell contract, the same on the server and in the service
 * worker: the whole page in the base template, or its content alone as the standard content
 * document (`@shellac/server/content`, which has no Node in it).
 */
export function renderPage(c: Context, page: Page, options: RenderOptions): Response | Promise<Response> {
  const status = page.status ?? 200;
  if (options.contentOnly) return contentDocument(c.req.raw, { title: page.title, head: pageHead(page).value, body: page.body.value, status });
  return c.html(renderBase(page, { asset: options.asset, header: { shell: false, user: options.user } }), status);
}
