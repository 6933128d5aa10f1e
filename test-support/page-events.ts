/** Page-side helpers that wait on what the browser does: DOM changes, navigations. */

/** Resolves once `check()` holds, checking again on every change under `root`. */
export function until(check: () => boolean, root: Node = document): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** A navigation the page tried and {@link holdNavigations} stopped. */
export interface HeldNavigation {
  type: NavigationType;
  url: string;
}

/**
 * Stops every navigation that would leave the current document (a followed link, a reload,
 * `location.assign`) and records it: the test page, with the test running in it, stays. Moves
 * within the document (`history.pushState`) go through.
 */
export function holdNavigations() {
  const held: HeldNavigation[] = [];
  // The navigate event fires within the call that navigates (location.reload(), a link's
  // activation), so `held` is up to date as soon as that call returns.
  const onNavigate = (event: NavigateEvent) => {
    if (event.destination.sameDocument || !event.cancelable) return;
    event.preventDefault();
    held.push({ type: event.navigationType, url: event.destination.url });
  };
  navigation.addEventListener('navigate', onNavigate);
  return {
    held,
    release: () => navigation.removeEventListener('navigate', onNavigate),
  };
}
