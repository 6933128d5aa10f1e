import { FILES } from '@shellac/protocol';

/** Marks the tag so a second build replaces it rather than adding another. */
const MARK = 'data-shellac';
const EXISTING = new RegExp(`<script[^>]*\\b${MARK}\\b[^>]*>\\s*</script>\\s*`, 'gi');

/**
 * Adds the client script to a page, with a `src` relative to the page's folder, so the site works
 * at any path prefix. `depth` is how many folders the page sits below the site root. `scripts`
 * names more of the build's scripts to add after it (`shellac-save.js` with `save`).
 */
export function injectRegistration(html: string, depth: number, scripts: readonly string[] = []): string {
  const up = '../'.repeat(depth);
  const tag = [FILES.client, ...scripts].map((file) => `<script src="${up}${file}" defer ${MARK}></script>`).join('');
  const page = html.replace(EXISTING, '');
  for (const anchor of [/<\/head\s*>/i, /<body\b[^>]*>/i]) {
    const m = anchor.exec(page);
    if (m) {
      const at = anchor.source.startsWith('<\\/') ? m.index : m.index + m[0].length;
      return page.slice(0, at) + tag + page.slice(at);
    }
  }
  return page + tag;
}
