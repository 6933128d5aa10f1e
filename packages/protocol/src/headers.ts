/** Query parameter that asks the server for a page's content alone, without the base template. */
export const APPSHELL_PARAM = 'from_appshell';

/** Header names on the wire. */
export const HEADER = {
  /** Request header set by navigation preload; the server answers it with `Vary`. */
  navigationPreload: 'Service-Worker-Navigation-Preload',
} as const;
