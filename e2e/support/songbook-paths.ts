/** The demo app's folder, and where the browser tests build its static files. */
export const SONGBOOK = new URL('../../examples/songbook', import.meta.url).pathname;
export const SONGBOOK_BUILD = new URL('../.tmp/songbook-static', import.meta.url).pathname;
