import type { SaveFailure, SaveProgressMessage } from '@shellac/protocol';
import { describeFailure, describeProgress, measureProgress } from './describe-save.js';
import type { ShellacClientError } from './errors.js';
import type { Saves } from './saves.js';

/** The attribute that makes a button a save control; its value is the page to save. */
export const SAVE_ATTR = 'data-shellac-save';
/** Extra URLs to keep with the page, separated by spaces. */
export const SAVE_ALSO_ATTR = 'data-shellac-save-also';
/** `auto` (default), `true` or `false`: the `background` option of the save. */
export const SAVE_BACKGROUND_ATTR = 'data-shellac-save-background';

/** The words of the controls (the defaults are the accessible names the tests rely on). */
export interface SaveLabels {
  save: string;
  saved: string;
  remove: string;
}

export interface SaveButtonsOptions {
  /** Where buttons are looked for, now and as content is added. Default: the whole document. */
  root?: Element;
  labels?: Partial<SaveLabels>;
}

type ControlState = { state: 'idle' | 'saved' } | { state: 'saving'; progress?: SaveProgressMessage } | { state: 'failed'; text: string };

const STATES = ['idle', 'saving', 'saved', 'failed'] as const;
const SAVE_CODES = ['http', 'network', 'quota', 'cancelled', 'bad-url', 'user-changed'];

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
  const extras = new WeakMap<HTMLButtonElement, { remove: HTMLButtonElement; status: HTMLElement }>();
  const urlOf = (button: Element) => {
    const url = new URL(button.getAttribute(SAVE_ATTR) || location.href, document.baseURI);
    url.hash = '';
    return url.href;
  };
  const buttons = () => [...root.querySelectorAll<HTMLButtonElement>(`button[${SAVE_ATTR}]`)];

  const render = (button: HTMLButtonElement) => {
    const parts = extras.get(button);
    if (!parts) return;
    const current = states.get(urlOf(button)) ?? { state: 'idle' };
    button.dataset.state = current.state;
    for (const s of STATES) button.classList.toggle(`shellac-save-${s}`, s === current.state);
    (button.querySelector('[data-shellac-save-label]') ?? button).textContent = current.state === 'saved' ? labels.saved : labels.save;
    if (current.state === 'saving') button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
    button.setAttribute('aria-disabled', String(current.state === 'saving' || current.state === 'saved'));
    parts.remove.hidden = current.state !== 'saved';
    parts.status.dataset.state = current.state;
    if (current.state === 'saving') {
      const bar = document.createElement('progress');
      const progress = current.progress ?? { files: { done: 0, total: 0 }, bytes: { done: 0, total: 0 } };
      const { done, total } = measureProgress(progress);
      // Without a total the bar stays indeterminate (no value), as the platform draws it.
      if (total > 0) (bar.max = total), (bar.value = Math.min(done, total));
      parts.status.replaceChildren(bar, ` ${describeProgress(progress)}`);
    } else parts.status.textContent = current.state === 'failed' ? current.text : '';
  };
  const show = (url: string, state: ControlState) => {
    states.set(url, state);
    for (const button of buttons()) if (urlOf(button) === url) render(button);
  };
  const failed = (failure: Pick<SaveFailure, 'code'> & Partial<SaveFailure>) => ({ state: 'failed' as const, text: describeFailure(failure) });

  const save = (button: HTMLButtonElement) => {
    const url = urlOf(button);
    const now = states.get(url)?.state;
    if (now === 'saving' || now === 'saved') return;
    show(url, { state: 'saving' });
    const also = button.getAttribute(SAVE_ALSO_ATTR)?.split(/\s+/).filter(Boolean) ?? [];
    const choice = button.getAttribute(SAVE_BACKGROUND_ATTR);
    const background = choice === 'true' ? true : choice === 'false' ? false : 'auto';
    saves.save(url, { also, background }).done.then(
      () => show(url, { state: 'saved' }),
      (error: ShellacClientError) => {
        // Failures of the item were broadcast already; this covers a worker that could not be asked.
        if (error.code === 'cancelled') show(url, { state: 'idle' });
        else show(url, SAVE_CODES.includes(error.code) ? failed(error.details as unknown as SaveFailure) : { state: 'failed', text: 'Not saved: this browser cannot keep pages for offline use.' }); // save codes carry their SaveFailure as details
      },
    );
  };
  const enhance = (button: HTMLButtonElement) => {
    if (extras.has(button)) return;
    if (!button.hasAttribute('type')) button.type = 'button'; // never submits a form it sits in
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'shellac-save-remove';
    remove.textContent = labels.remove;
    const status = document.createElement('span');
    status.className = 'shellac-save-status';
    status.setAttribute('role', 'status');
    button.classList.add('shellac-save');
    button.after(remove, status);
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
  const offProgress = saves.on('progress', (m) => {
    if (m.state === 'saving') show(m.url, { state: 'saving', progress: m });
    else if (m.state === 'saved') show(m.url, { state: 'saved' });
    else show(m.url, m.state === 'failed' && m.error ? failed(m.error) : { state: 'idle' });
  });
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') render(record.target as HTMLButtonElement); // render() skips any element it did not enhance
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(`button[${SAVE_ATTR}]`)) enhance(node as HTMLButtonElement); // matched a button
        node.querySelectorAll<HTMLButtonElement>(`button[${SAVE_ATTR}]`).forEach(enhance);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: [SAVE_ATTR] });
  buttons().forEach(enhance);
  void refresh();
  return () => {
    observer.disconnect();
    offChanged();
    offProgress();
  };
}
