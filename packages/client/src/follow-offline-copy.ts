import { CONTENT_HEADER, contentUrl, HEADER, MESSAGE, type FreshMessage } from '@shellac/protocol';

/**
 * Replaces the offline copy on show (content the service worker rendered itself,
 * `X-Shellac-Rendered: worker`) by the server's content, through `swap`, in its place (scroll and
 * focus stay): when the worker sends the server's answer (`shellac:fresh`, after `renderFirst`),
 * or when the browser is back online (or, shown while online, after a few tries); its listeners are added with `listening`. Returns the function that records
 * what the region shows now: the content URL of a copy the worker rendered, or undefined.
 */
export function followOfflineCopy(swap: (doc: Document) => void, listening: AddEventListenerOptions): (url: string | undefined) => void {
  // The content URL of what the region shows when the worker rendered it: the server's answer for it replaces it.
  let rendered: string | undefined;
  // False once the page moved on (or shows no offline copy).
  const stillShown = (url: string | undefined): url is string => url === rendered && contentUrl(location.href).href === url;
  const replaceCopy = (shown: string, html: string) => {
    if (!stillShown(shown)) return;
    rendered = undefined;
    swap(new DOMParser().parseFromString(html, 'text/html'));
  };
  const onFresh = (event: MessageEvent) => {
    const data = event.data as Partial<FreshMessage> | undefined; // a Shellac worker's message, its fields checked below
    if (data?.type === MESSAGE.fresh && typeof data.html === 'string' && typeof data.url === 'string') replaceCopy(data.url, data.html);
  };
  // Back online: the offline copy asks for the server's content. A network comes back in steps
  // (the link, then the routes, then the server), so while the worker still renders, it asks
  // again, three times at most; the copy stays untouched meanwhile (a running timer, typed text).
  const refresh = async (tries: number) => {
    const shown = rendered;
    if (!stillShown(shown)) return;
    const res = await fetch(shown, { credentials: 'same-origin' }).catch(() => undefined);
    const fromServer = res?.ok && res.headers.get(CONTENT_HEADER) === '1' && res.headers.get(HEADER.rendered) !== 'worker';
    const html = fromServer ? await res.text().catch(() => undefined) : undefined;
    if (html !== undefined) replaceCopy(shown, html);
    else if (tries < 3) setTimeout(() => void refresh(tries + 1), 1000 * 2 ** tries);
  };
  const onOnline = () => void refresh(0);

  addEventListener('online', onOnline, listening);
  navigator.serviceWorker?.addEventListener('message', onFresh, listening);
  // A copy shown while the browser says it is online means the server, not the network, failed:
  // no `online` event will come, so the same few tries start now. (Chromium also reports a page
  // loaded under DevTools' offline emulation as online, and never fires `online` for it.)
  return (url) => {
    rendered = url;
    if (url && navigator.onLine) onOnline();
  };
}
