import type { SaveFailure, SaveProgressMessage } from '@shellac/protocol';
import { describeFailure } from './describe-save.js';
import type { ShellacClientError } from './errors.js';
import { addControlParts, renderControl, type ControlParts, type ControlState, type SaveLabels } from './save-control.js';
import type { SaveOptions } from './run-save.js';
import type { Saves } from './saves.js';

/** The attribute that makes a button a save control; its value is the page to save. */
export const SAVE_ATTR = 'data-shellac-save';
/** Extra URLs to keep with the page, separated by spaces. */
export const SAVE_ALSO_ATTR = 'data-shellac-save-also';
/** `auto` (default), `true` or `false`: the `background` option of the save. */
export const SAVE_BACKGROUND_ATTR = 'data-shellac-save-background';

export interface SaveButtonsOptions {
  /** Where buttons are looked for, now and as content is added. Default: the whole document. */
  root?: Element;
  labels?: Partial<SaveLabels>;
}

const SAVE_CODES = ['http', 'network', 'quota', 'cancelled', 'bad-url', 'user-changed'];

/** What a control shows once its own save failed (the broadcast said it already, unless the worker could not be asked). */
function stateAfter(error: ShellacClientError): ControlState {
  if (error.code === 'cancelled') return { state: 'idle' };
  if (!SAVE_CODES.includes(error.code)) return { state: 'failed', text: 'Not saved: this browser cannot keep pages for offline use.' };
  return { state: 'failed', text: describeFailure(error.details as unknown as SaveFailure) }; // a save code's details are its SaveFailure
}

/** What a control shows for a progress message of the worker's (every tab gets them). */
function stateOf(m: SaveProgressMessage): ControlState {
  if (m.state === 'saving') return { state: 'saving', progress: m };
  if (m.state === 'failed' && m.error) return { state: 'failed', text: describeFailure(m.error) };
  return { state: m.state === 'saved' ? 'saved' : 'idle' };
}

/** The page a button saves, without its fragment (one page, one state). */
function urlOf(button: Element): string {
  const url = new URL(button.getAttribute(SAVE_ATTR) || location.href, document.baseURI);
  url.hash = '';
  return url.href;
}

/** The options of a button's save, from its attributes. */
function optionsOf(button: HTMLButtonElement): SaveOptions {
  const also = button.getAttribute(SAVE_ALSO_ATTR)?.split(/\s+/).filter(Boolean) ?? [];
  const choice = button.getAttribute(SAVE_BACKGROUND_ATTR);
  return { also, background: choice === 'true' ? true : choice === 'false' ? false : 'auto' };
}

/**
 * Calls `found` for every save button under `root`, now and whenever one is added (content
 * swapped in), and `changed` when a button's URL changes. Returns the function that stops.
 */
function watchButtons(root: Element, found: (button: HTMLButtonElement) => void, changed: (button: HTMLButtonElement) => void): () => void {
  const selector = `button[${SAVE_ATTR}]`;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof HTMLButtonElement) changed(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node instanceof HTMLButtonElement && node.matches(selector)) found(node);
        node.querySelectorAll<HTMLButtonElement>(selector).forEach(found);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: [SAVE_ATTR] });
  root.querySelectorAll<HTMLButtonElement>(selector).forEach(found);
  return () => observer.disconnect();
}

/**
 * Turns every `<button data-shellac-save="<url>">` into a save control, now and whenever one is
 * added later (content swapped in by the app shell). Its state shows in `data-state`
 * (`idle|saving|saved|failed`) and in a class (`shellac-save-<state>`); beside it go a
 * "Remove from this device" button (`.shellac-save-remove`, hidden unless saved) and a status
 * (`.shellac-save-status`, `role="status"`) with the progress or what went wrong. Every tab shows
 * the same state: it follows the worker's broadcasts. Returns the function that stops watching.
 */
export function enhanceSaveButtons(saves: Saves, options: SaveButtonsOptions = {}): () => void {
  const root = options.root ?? document.documentElement;
  const labels: SaveLabels = { save: 'Save for offline', saved: 'Saved for offline', remove: 'Remove from this device', ...options.labels };
  const states = new Map<string, ControlState>();
  const extras = new WeakMap<HTMLButtonElement, ControlParts>();
  const buttons = () => [...root.querySelectorAll<HTMLButtonElement>(`button[${SAVE_ATTR}]`)];

  const render = (button: HTMLButtonElement) => {
    const parts = extras.get(button);
    if (parts) renderControl(button, parts, states.get(urlOf(button)) ?? { state: 'idle' }, labels);
  };
  const show = (url: string, state: ControlState) => {
    states.set(url, state);
    for (const button of buttons()) if (urlOf(button) === url) render(button);
  };
  const save = (button: HTMLButtonElement) => {
    const url = urlOf(button);
    const now = states.get(url)?.state;
    if (now === 'saving' || now === 'saved') return;
    show(url, { state: 'saving' });
    saves.save(url, optionsOf(button)).done.then(
      () => show(url, { state: 'saved' }),
      (error: ShellacClientError) => show(url, stateAfter(error)), // done rejects with ShellacClientError only
    );
  };
  const enhance = (button: HTMLButtonElement) => {
    if (extras.has(button)) return;
    const { remove, status } = addControlParts(button, labels);
    extras.set(button, { remove, status });
    button.addEventListener('click', (event) => (event.preventDefault(), save(button)));
    remove.addEventListener('click', () => {
      button.focus(); // the remove button hides itself: focus stays on the control
      void saves.unsave(urlOf(button)).then(() => show(urlOf(button), { state: 'idle' }));
    });
    render(button);
  };

  // Saved elsewhere (another tab, an earlier visit), or removed: the list is the truth.
  const refresh = () =>
    saves.saved().then((items) => {
      const kept = new Set(items.map((item) => item.url));
      for (const url of kept) if (states.get(url)?.state !== 'saving') show(url, { state: 'saved' });
      for (const [url, state] of states) if (state.state === 'saved' && !kept.has(url)) show(url, { state: 'idle' });
    }, () => {});
  const offChanged = saves.on('changed', () => void refresh());
  const offProgress = saves.on('progress', (m) => show(m.url, stateOf(m)));
  const stopWatching = watchButtons(root, enhance, render);
  void refresh();
  return () => {
    stopWatching();
    offChanged();
    offProgress();
  };
}
