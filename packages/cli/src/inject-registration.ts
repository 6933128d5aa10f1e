import { FILES } from '@shellac/protocol';

/** Marks the tag so a second build replaces it rather than adding another. */
const MARK = 'data-shellac';
const EXISTING = new RegExp(`<script[^>]*\\b${MARK}\\b[^>]*>\\s*</script>\\s*`, 'gi');
/** Where the tag goes: before `</head>`, else after `<body …>`, else at the end. */
const BEFORE_HEAD_END = /<\/head\s*>/i;
const BODY = /<body\b[^>]*>/i;

/** The script tags for a page `depth` folders below the site root. */
const tagsFor = (depth: number, scripts: readonly string[]): string => {
  const up = '../'.repeat(depth);
  return [FILES.client, ...scripts].map((file) => `<script src="${up}${file}" defer ${MARK}></script>`).join('');
};

/** The index the tag goes at in a page that has none. */
function insertionPoint(page: string): number {
  const head = BEFORE_HEAD_END.exec(page);
  if (head) return head.index;
  const body = BODY.exec(page);
  return body ? body.index + body[0].length : page.length;
}

/**
 * Adds the client script to a page, with a `src` relative to the page's folder, so the site works
 * at any path prefix. `depth` is how many folders the page sits below the site root. `scripts`
 * names more of the build's scripts to add after it (`shellac-save.js` with `save`).
 */
export function injectRegistration(html: string, depth: number, scripts: readonly string[] = []): string {
  const page = html.replace(EXISTING, '');
  const at = insertionPoint(page);
  return page.slice(0, at) + tagsFor(depth, scripts) + page.slice(at);
}

/**
 * {@link injectRegistration} on a page's bytes, returning bytes. The page is read as Latin-1, one
 * character per byte: the anchors are ASCII and a UTF-8 sequence never holds an ASCII byte, so they
 * match where they would in the decoded text, and the bytes around the tag are the page's own,
 * sliced rather than encoded again. For 4,000 pages (73 MB), decoding and encoding UTF-8 was
 * 0.4 s of a 2.5 s build.
 */
export function injectRegistrationBytes(html: Buffer, depth: number, scripts: readonly string[] = []): Buffer {
  const page = html.toString('latin1');
  // A page built before: the string path removes the old tags (rare, and `search` ignores the `g` flag's state).
  if (page.search(EXISTING) >= 0) return Buffer.from(injectRegistration(page, depth, scripts), 'latin1');
  const at = insertionPoint(page);
  return Buffer.concat([html.subarray(0, at), Buffer.from(tagsFor(depth, scripts)), html.subarray(at)]);
}
