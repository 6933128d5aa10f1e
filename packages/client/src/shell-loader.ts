import { APPSHELL_PARAM, CONTENT_ATTR, CONTENT_HEADER, contentUrl, HEADER, looksLikeFile, MESSAGE, type FreshMessage } from '@shellac/protocol';

export interface ShellLoaderOptions {
  /** The content region (default `[data-shellac-content]`). */
  region?: Element | null;
  /** URLs the loader may handle (default: the page's folder, as the worker's scope). */
  scope?: string;
  /** Delay before the loading indicator shows, in ms. Default 300. */
  indicatorDelay?: number;
  /** HTML of the block shown in the region when the content cannot be had. */
  offlineHtml?: string;
  /**
   * HTML of the note put above content the service worker rendered itself, offline or while the
   * server was slow (`X-Shellac-Rendered: worker`): an offline copy, which the server's answer
   * replaces when the worker sends it (`shellac:fresh`) or when the browser is back online. Empty: no note.
   */
  offlineCopyHtml?: string;
}

export interface ShellLoader {
  /** Loads a URL's content into the region; `push` adds a history entry. */
  navigate(url: string, push?: boolean): Promise<void>;
  /** Removes the listeners (the page keeps its current content). */
  stop(): void;
}

const OFFLINE = `<div class="shellac-offline" role="alert"><h1>You are offline</h1><p>This page has not been saved on this device yet. Pages you have visited still work.</p><p><button type="button" data-shellac-retry>Try again</button></p></div>`;
const OFFLINE_COPY = `<p class="shellac-offline-copy" role="status" style="font-size:.85em;opacity:.75">Offline copy: this page was put together on this device, and is brought up to date when you are back online.</p>`;
/** Metadata the content may bring; earlier content's copies are removed on each swap. */
const META = 'meta[name],meta[property],link[rel="canonical"]';

/**
 * The app shell's page side: asks the worker for `URL?from_appshell=1`, swaps it into the
 * content region, and keeps doing so for in-scope links and GET forms. The worker answers
 * network-first and falls back to the person's cached copy; when nothing answers, an offline
 * block shows inside the shell.
 */
export function createShellLoader(options: ShellLoaderOptions = {}): ShellLoader {
  const region = options.region ?? document.querySelector(`[${CONTENT_ATTR}]`);
  if (!region) throw new Error(`shellac: no content region: the shell needs an element with ${CONTENT_ATTR}`);
  const scope = new URL(options.scope ?? './', document.baseURI).href;
  const delay = options.indicatorDelay ?? 300;
  const ran = new Set<string>();
  let current = 0;
  // The content URL of what the region shows when the worker rendered it: the server's answer for it replaces it.
  let rendered: string | undefined;

  // A polite live region tells screen readers that a new page arrived.
  const live = document.createElement('div');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)');
  document.body.append(live);
  const bar = document.createElement('div');
  bar.className = 'shellac-loading';
  bar.setAttribute('style', 'position:fixed;top:0;left:0;height:3px;width:100%;background:currentColor;opacity:.6;z-index:2147483647;display:none');
  document.body.append(bar);
  history.scrollRestoration = 'manual';

  const inScope = (url: URL) => url.href.startsWith(scope) && !looksLikeFile(url.pathname);

  const swap = (doc: Document) => {
    document.title = doc.title;
    document.head.querySelectorAll('[data-shellac-meta]').forEach((el) => el.remove());
    doc.head.querySelectorAll(META).forEach((el) => {
      // The content's description replaces the shell's own, rather than standing beside it.
      const key = ['name', 'property', 'rel'].find((a) => el.hasAttribute(a))!; // META selects only elements with one of these
      document.head.querySelectorAll(`${el.localName}[${key}="${CSS.escape(el.getAttribute(key)!)}"]`).forEach((old) => old.remove());
      const copy = document.importNode(el, true);
      copy.setAttribute('data-shellac-meta', '');
      document.head.append(copy);
    });
    region.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    // Scripts inserted as nodes do not run: recreate them. An external script runs once per
    // page life, however often its content comes back; inline ones run with their content.
    region.querySelectorAll('script').forEach((old) => {
      if (old.src && ran.has(old.src)) return old.remove();
      if (old.src) ran.add(old.src);
      const script = document.createElement('script');
      for (const a of old.attributes) script.setAttribute(a.name, a.value);
      script.text = old.text;
      old.replaceWith(script);
    });
  };

  const show = async (url: URL): Promise<'ok' | 'left'> => {
    const id = ++current;
    const timer = setTimeout(() => (bar.style.display = 'block'), delay);
    document.documentElement.setAttribute('aria-busy', 'true');
    try {
      // A body that fails half-way counts as no answer, like a failed fetch.
      const response = await fetch(contentUrl(url), { credentials: 'same-origin' })
        .then(async (r) => [r, await r.text()] as const)
        .catch(() => undefined);
      if (id !== current) return 'ok';
      if (!response) {
        rendered = undefined;
        region.innerHTML = options.offlineHtml ?? OFFLINE;
        document.title = 'You are offline';
        return 'ok';
      }
      const [res, text] = response;
      const final = new URL(res.url || url.href);
      final.searchParams.delete(APPSHELL_PARAM);
      if (res.headers.get(CONTENT_HEADER) !== '1') {
        // A full page (a login redirect, an error from a proxy): never inject it. Go there for real.
        if (final.href !== location.href || url.href !== location.href) return location.assign(final), 'left';
        // This very URL has no content-only form: show the page it is.
        document.open();
        document.write(text);
        document.close();
        return 'left';
      }
      const doc = new DOMParser().parseFromString(text, 'text/html');
      if (final.href !== url.href) history.replaceState(history.state, '', final);
      swap(doc);
      rendered = res.headers.get(HEADER.rendered) === 'worker' ? contentUrl(final).href : undefined;
      if (rendered) region.insertAdjacentHTML('afterbegin', options.offlineCopyHtml ?? OFFLINE_COPY);
      return 'ok';
    } finally {
      clearTimeout(timer);
      if (id === current) {
        bar.style.display = 'none';
        document.documentElement.removeAttribute('aria-busy');
      }
    }
  };

  const arrive = (url: URL, scroll?: [number, number]) => {
    if (scroll) scrollTo(...scroll);
    else if (url.hash) document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
    else scrollTo(0, 0);
    const heading = region.querySelector('h1');
    const target = (heading ?? region) as HTMLElement;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    live.textContent = `${document.title}`;
  };

  const navigate = async (href: string, push = true) => {
    const url = new URL(href, location.href);
    history.replaceState({ ...history.state, shellacScroll: [scrollX, scrollY] }, '');
    if (push) history.pushState({}, '', url);
    if ((await show(url)) === 'ok') arrive(url);
  };

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const retry = (event.target as Element | null)?.closest?.('[data-shellac-retry]'); // a click's target is an Element or a Text node's parent
    if (retry) return void navigate(location.href, false);
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download') || link.hasAttribute('data-shellac-ignore')) return;
    const url = new URL(link.href);
    if (!inScope(url)) return;
    // Same page, other fragment: the browser scrolls by itself.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    void navigate(url.href);
  };

  const onSubmit = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement; // submit events come from forms
    const method = (event.submitter?.getAttribute('formmethod') ?? form.method).toLowerCase();
    if (event.defaultPrevented || method !== 'get' || (form.target && form.target !== '_self')) return;
    const url = new URL(event.submitter?.getAttribute('formaction') ?? form.action, location.href);
    if (!inScope(url)) return;
    event.preventDefault();
    url.search = new URLSearchParams(new FormData(form, event.submitter) as unknown as Record<string, string>).toString(); // FormData of text fields is a valid URLSearchParams init
    void navigate(url.href);
  };

  const onPop = () => {
    const scroll = history.state?.shellacScroll as [number, number] | undefined;
    void show(new URL(location.href)).then((r) => r === 'ok' && arrive(new URL(location.href), scroll));
  };

  // The server's content for the offline copy on show, in its place; scroll and focus stay.
  const replaceCopy = (shown: string, html: string) => {
    if (rendered !== shown || contentUrl(location.href).href !== shown) return; // the page moved on
    rendered = undefined;
    swap(new DOMParser().parseFromString(html, 'text/html'));
  };
  // The server's answer for content the worker rendered first (`renderFirst`).
  const onFresh = (event: MessageEvent) => {
    const data = event.data as Partial<FreshMessage> | undefined; // a Shellac worker's message, its fields checked below
    if (data?.type === MESSAGE.fresh && typeof data.html === 'string' && typeof data.url === 'string') replaceCopy(data.url, data.html);
  };
  // Back online: the offline copy asks for the server's content. A network comes back in steps
  // (the link, then the routes, then the server), so while the worker still renders, it asks
  // again, three times at most; the copy stays untouched meanwhile (a running timer, typed text).
  const refresh = async (tries: number) => {
    const shown = rendered;
    if (!shown || contentUrl(location.href).href !== shown) return;
    const res = await fetch(shown, { credentials: 'same-origin' }).catch(() => undefined);
    const fromServer = res?.ok && res.headers.get(CONTENT_HEADER) === '1' && res.headers.get(HEADER.rendered) !== 'worker';
    const html = fromServer ? await res.text().catch(() => undefined) : undefined;
    if (html !== undefined) replaceCopy(shown, html);
    else if (tries < 3) setTimeout(() => void refresh(tries + 1), 1000 * 2 ** tries);
  };
  const onOnline = () => void refresh(0);

  addEventListener('click', onClick);
  addEventListener('submit', onSubmit);
  addEventListener('popstate', onPop);
  addEventListener('online', onOnline);
  navigator.serviceWorker?.addEventListener('message', onFresh);
  // The shell arrived with an empty region: fill it with this URL's content.
  if (!region.childElementCount) void show(new URL(location.href)).then((r) => r === 'ok' && arrive(new URL(location.href)));

  return {
    navigate,
    stop() {
      removeEventListener('click', onClick);
      removeEventListener('submit', onSubmit);
      removeEventListener('popstate', onPop);
      removeEventListener('online', onOnline);
      navigator.serviceWorker?.removeEventListener('message', onFresh);
    },
  };
}
