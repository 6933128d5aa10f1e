import type { SaveProgressMessage } from '@shellac/protocol';
import { describeProgress, measureProgress } from './describe-save.js';

/** The words of the controls (the defaults are the accessible names the tests rely on). */
export interface SaveLabels {
  save: string;
  saved: string;
  remove: string;
}

/** What one URL's controls show. */
export type ControlState = { state: 'idle' | 'saved' } | { state: 'saving'; progress?: SaveProgressMessage } | { state: 'failed'; text: string };

/** What a control adds beside its button. */
export interface ControlParts {
  remove: HTMLButtonElement;
  status: HTMLElement;
}

const STATES = ['idle', 'saving', 'saved', 'failed'] as const;

/** Adds the remove button and the status right after a save button (no inline style: the app styles them). */
export function addControlParts(button: HTMLButtonElement, labels: SaveLabels): ControlParts {
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
  return { remove, status };
}

/** Shows a state on a control: `data-state`, its class, the label, `aria-busy`, the remove button, the status. */
export function renderControl(button: HTMLButtonElement, parts: ControlParts, current: ControlState, labels: SaveLabels): void {
  button.dataset.state = current.state;
  for (const s of STATES) button.classList.toggle(`shellac-save-${s}`, s === current.state);
  (button.querySelector('[data-shellac-save-label]') ?? button).textContent = current.state === 'saved' ? labels.saved : labels.save;
  if (current.state === 'saving') button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
  button.setAttribute('aria-disabled', String(current.state === 'saving' || current.state === 'saved'));
  parts.remove.hidden = current.state !== 'saved';
  parts.status.dataset.state = current.state;
  if (current.state !== 'saving') return void (parts.status.textContent = current.state === 'failed' ? current.text : '');
  const bar = document.createElement('progress');
  const progress = current.progress ?? { files: { done: 0, total: 0 }, bytes: { done: 0, total: 0 } };
  const { done, total } = measureProgress(progress);
  // Without a total the bar stays indeterminate (no value), as the platform draws it.
  if (total > 0) (bar.max = total), (bar.value = Math.min(done, total));
  parts.status.replaceChildren(bar, ` ${describeProgress(progress)}`);
}
