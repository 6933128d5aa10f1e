/** Visited pages and their headings. */
export const PAGES: [string, string][] = [
  ['', 'Look up. Listen. Write it down.'],
  ['guide/', 'The guide'],
  ['about.html', 'About Fieldnotes'],
];
