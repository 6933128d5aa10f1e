/** What a page needs, as its HTML says. */
export interface PageScan {
  /** The `<title>`'s text ('' when none). */
  title: string;
  /** Absolute URLs (no fragment) of the files it references, in order, each once. */
  urls: string[];
}

/** Attributes that hold one URL, by element. */
const URL_ATTRS: Record<string, string[]> = {
  img: ['src'],
  input: ['src'],
  script: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  source: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  image: ['href'],
};
/** `<link rel>` values whose `href` the page needs to show itself. */
const LINK_RELS = /\b(stylesheet|icon|preload|modulepreload|manifest)\b/i;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

const decode = (value: string) =>
  value.replace(ENTITY, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e.toLowerCase()]!));

/**
 * Finds the files a page references: images (with every `srcset` candidate, so any screen works
 * offline), stylesheets, icons, scripts, audio and video with their sources, posters and
 * tracks, and the URLs listed in any `data-shellac-save-also` attribute. A tokenizer of tags
 * rather than a DOM (a worker has no DOMParser): comments and the bodies of scripts, styles and
 * templates are skipped, so text that merely looks like a tag is never fetched.
 */
export function scanHtml(html: string, pageUrl: string): PageScan {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template|textarea|title)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi, (_, tag: string, attrs: string, body: string) => `<${tag}${attrs}>${tag.toLowerCase() === 'title' ? body : ''}`);
  let base = pageUrl;
  let title = '';
  const found: string[] = [];
  for (const tag of text.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const name = tag[1]!.toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of tag[2]!.matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''));
    if (name === 'base' && attrs.get('href')) base = new URL(attrs.get('href')!, pageUrl).href;
    if (name === 'title' && !title) title = decode(text.slice(tag.index! + tag[0].length).split('<', 1)[0]!).replace(/\s+/g, ' ').trim();
    for (const attr of URL_ATTRS[name] ?? []) if (attrs.get(attr)) found.push(attrs.get(attr)!);
    if (name === 'link' && LINK_RELS.test(attrs.get('rel') ?? '') && attrs.get('href')) found.push(attrs.get('href')!);
    for (const candidate of (attrs.get('srcset') ?? '').split(',')) if (candidate.trim()) found.push(candidate.trim().split(/\s+/)[0]!);
    for (const also of (attrs.get('data-shellac-save-also') ?? '').split(/\s+/)) if (also) found.push(also);
  }
  return { title, urls: absolute(found, base) };
}

/** The files a stylesheet references (`url(…)`, `@import`), resolved against its own URL. */
export function scanCss(css: string, cssUrl: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (value && !value.startsWith('data:')) found.push(value);
  }
  return absolute(found, cssUrl);
}

/** Resolved, http(s) only, without fragments, each once. */
function absolute(urls: string[], base: string): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      continue; // a malformed URL in the page is the page's problem, not the save's
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    out.add(url.href);
  }
  return [...out];
}
