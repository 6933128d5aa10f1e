import type { SafeHtml } from '../html.js';
import type { User } from '../db/store.js';

/** What every view returns: the layout puts it in the base template or the content-only document. */
export interface Page {
  /** The document title, complete (`Ode to Joy – Songbook`). */
  title: string;
  description: string;
  /** The content region. */
  body: SafeHtml;
  status?: 200 | 401 | 404;
}

/** What a view may need besides its data. */
export interface ViewContext {
  user: User | undefined;
  /** The hashed URL of a static file (`asset('js/lesson.js')`). */
  asset(name: string): string;
}

export const SITE = 'Songbook';

export const pageTitle = (title: string) => `${title} – ${SITE}`;
