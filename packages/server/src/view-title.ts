// Internal: the title of a content document a view's `layout` handed out as a string, so that
// finishing the response can name it without reading the body back. Reading a body that a
// framework holds as a string turns it into a stream and costs the server its fast path (Hono's
// content-only throughput fell to 0.40× a bare app's).
import { scanTitle } from './finish-response.js';

const titles = new WeakMap<object, string>();

/**
 * Remembers the title of `html`, a content document rendered for `view`. Only a title found
 * counts: a string without one may be a template name (`layout('lesson', 'lesson-content')`) or a
 * fragment the app wraps later, so then the body is read as before.
 */
export function noteTitle(view: object, html: string): void {
  const title = scanTitle(html);
  if (typeof title === 'string') titles.set(view, title);
}

/** The title noted for `view`, or undefined when none was. */
export function knownTitle(view: object | undefined): string | undefined {
  return view ? titles.get(view) : undefined;
}
