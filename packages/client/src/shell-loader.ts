import { CONTENT_ATTR } from '@shellac/protocol';
import { createContentView } from './content-view.js';
import { interceptNavigation } from './intercept-navigation.js';

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
  // Every listener of the loader and its parts is added with this signal: stop aborts it.
  const stopped = new AbortController();
  const listening = { signal: stopped.signal };
  // A polite live region tells screen readers that a new page arrived.
  const live = document.createElement('div');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)');
  document.body.append(live);
  const show = createContentView(region, options, listening);
  history.scrollRestoration = 'manual';

  const arrive = (url: URL, scroll?: [number, number]) => {
    if (scroll) scrollTo(...scroll);
    else if (url.hash) document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
    else scrollTo(0, 0);
    const heading = region.querySelector('h1');
    const target = (heading ?? region) as HTMLElement; // the region of an HTML page is an HTML element
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    live.textContent = document.title;
  };
  const navigate = async (href: string, push = true) => {
    const url = new URL(href, location.href);
    history.replaceState({ ...history.state, shellacScroll: [scrollX, scrollY] }, '');
    if (push) history.pushState({}, '', url);
    if (await show(url)) arrive(url);
  };
  // Shows the content of the URL the page is at (back, forward, or a shell with an empty region).
  const showHere = (scroll?: [number, number]) => void show(new URL(location.href)).then((shown) => shown && arrive(new URL(location.href), scroll));
  const onPop = () => showHere(history.state?.shellacScroll as [number, number] | undefined); // navigate stores it so

  interceptNavigation(scope, navigate, listening);
  addEventListener('popstate', onPop, listening);
  // The shell arrived with an empty region: fill it with this URL's content.
  if (!region.childElementCount) showHere();

  return {
    navigate,
    stop() {
      stopped.abort();
    },
  };
}
