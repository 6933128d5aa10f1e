import { APPSHELL_PARAM, CONTENT_HEADER, contentUrl, HEADER } from '@shellac/protocol';
import { followOfflineCopy } from './follow-offline-copy.js';
import { swapContent } from './swap-content.js';

/** What the view reads of the loader's options (each documented on `ShellLoaderOptions`). */
interface ViewOptions {
  indicatorDelay?: number;
  offlineHtml?: string;
  offlineCopyHtml?: string;
}

const OFFLINE = `<div class="shellac-offline" role="alert"><h1>You are offline</h1><p>This page has not been saved on this device yet. Pages you have visited still work.</p><p><button type="button" data-shellac-retry>Try again</button></p></div>`;
const OFFLINE_COPY = `<p class="shellac-offline-copy" role="status" style="font-size:.85em;opacity:.75">Offline copy: this page was put together on this device, and is brought up to date when you are back online.</p>`;

/**
 * What shows in the content region. Returns `show`, which asks for a URL's content-only form and
 * swaps it into `region` (with the offline-copy note when the worker rendered it), or shows the
 * offline block when nothing answers; it resolves false when the page went elsewhere instead.
 * Only the latest show changes the region. Listeners are added with `listening` (its signal removes them).
 */
export function createContentView(region: Element, options: ViewOptions, listening: AddEventListenerOptions): (url: URL) => Promise<boolean> {
  const ran = new Set<string>();
  const swap = (doc: Document) => swapContent(region, doc, ran);
  const delay = options.indicatorDelay ?? 300;
  // The loading bar shows only after `delay`, so that quick answers show none; `aria-busy` at once.
  const bar = document.createElement('div');
  bar.className = 'shellac-loading';
  bar.setAttribute('style', 'position:fixed;top:0;left:0;height:3px;width:100%;background:currentColor;opacity:.6;z-index:2147483647;display:none');
  document.body.append(bar);
  const copyShown = followOfflineCopy(swap, listening);
  let current = 0;

  return async (url) => {
    const id = ++current;
    const timer = setTimeout(() => (bar.style.display = 'block'), delay);
    document.documentElement.setAttribute('aria-busy', 'true');
    try {
      // A body that fails half-way counts as no answer, like a failed fetch.
      const response = await fetch(contentUrl(url), { credentials: 'same-origin' })
        .then(async (r) => [r, await r.text()] as const)
        .catch(() => undefined);
      if (id !== current) return true;
      if (!response) {
        copyShown(undefined);
        region.innerHTML = options.offlineHtml ?? OFFLINE;
        document.title = 'You are offline';
        return true;
      }
      const [res, text] = response;
      const final = new URL(res.url || url.href);
      final.searchParams.delete(APPSHELL_PARAM);
      if (res.headers.get(CONTENT_HEADER) !== '1') {
        // A full page (a login redirect, an error from a proxy): never inject it. Go there for real.
        if (final.href !== location.href || url.href !== location.href) return location.assign(final), false;
        // This very URL has no content-only form: show the page it is.
        document.open();
        document.write(text);
        document.close();
        return false;
      }
      const doc = new DOMParser().parseFromString(text, 'text/html');
      if (final.href !== url.href) history.replaceState(history.state, '', final);
      swap(doc);
      const rendered = res.headers.get(HEADER.rendered) === 'worker' ? contentUrl(final).href : undefined;
      copyShown(rendered);
      if (rendered) region.insertAdjacentHTML('afterbegin', options.offlineCopyHtml ?? OFFLINE_COPY);
      return true;
    } finally {
      clearTimeout(timer);
      if (id === current) {
        bar.style.display = 'none';
        document.documentElement.removeAttribute('aria-busy');
      }
    }
  };
}
