import { SAVE_ALSO_ATTR, SAVE_ATTR, SAVE_BACKGROUND_ATTR } from './save-buttons.js';

/** The custom element's tag. */
export const SAVE_ELEMENT = 'shellac-save';

/**
 * Defines `<shellac-save url="…" also="…" background="…">`: it holds a `<button data-shellac-save>` for that
 * URL, which `enhanceSaveButtons` turns into the save control. Without `url`, the current page.
 * Does nothing when the element is defined already.
 */
export function defineSaveElement(): void {
  if (typeof customElements === 'undefined' || customElements.get(SAVE_ELEMENT)) return;
  customElements.define(
    SAVE_ELEMENT,
    class extends HTMLElement {
      connectedCallback() {
        if (this.querySelector(`button[${SAVE_ATTR}]`)) return;
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute(SAVE_ATTR, this.getAttribute('url') ?? '');
        for (const [from, to] of [['also', SAVE_ALSO_ATTR], ['background', SAVE_BACKGROUND_ATTR]] as const) {
          const value = this.getAttribute(from);
          if (value !== null) button.setAttribute(to, value);
        }
        this.append(button);
      }
    },
  );
}
