import { looksLikeFile } from '@shellac/protocol';

/**
 * Hands the app shell the navigations it can answer: plain left clicks on links within `scope`
 * (not to another window, not downloads, not `data-shellac-ignore`), the offline block's
 * "Try again", and GET forms aimed at this window. Its listeners are added with `listening`.
 */
export function interceptNavigation(scope: string, navigate: (href: string, push?: boolean) => Promise<void>, listening: AddEventListenerOptions): void {
  const inScope = (url: URL) => url.href.startsWith(scope) && !looksLikeFile(url.pathname);

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target as Element | null; // a click's target is an Element or a Text node's parent
    if (target?.closest?.('[data-shellac-retry]')) return void navigate(location.href, false);
    const link = target?.closest?.('a[href]') as HTMLAnchorElement | null; // closest('a[href]') finds an <a>
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

  addEventListener('click', onClick, listening);
  addEventListener('submit', onSubmit, listening);
}
