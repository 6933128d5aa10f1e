import type { SafeHtml } from '../html.js';
import type { User } from '../model.js';

/** What every view returns: the layout puts it in the base template or the content-only document. */
export interface Page {
  /** The document title, complete (`Ode to Joy – Songbook`). */
  title: string;
  description: string;
  /** The content region. */
  body: SafeHtml;
  status?: 200 | 401 | 404;
}

/**
 * Who a page is for: the person signed in, `null` for nobody, or `undefined` where that cannot be
 * told (the service worker, before this person's data reached it): such a page names nobody and
 * offers nothing personal.
 */
export type Viewer = User | null | undefined;

/** What a view may need besides its data. */
export interface ViewContext {
  user: Viewer;
  /** The hashed URL of a static file (`asset('js/lesson.js')`). */
  asset(name: string): string;
}

export const SITE = 'Songbook';

export const pageTitle = (title: string) => `${title} – ${SITE}`;
