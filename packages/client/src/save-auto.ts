import { enhanceSaveButtons } from './save-buttons.js';
import { defineSaveElement } from './save-element.js';
import { createSaves, type Saves } from './saves.js';

declare global {
  interface Window {
    /** Save for offline, started by `shellac-save.js` on the client `shellac.js` put on `window.shellac`. */
    shellacSaves?: Saves;
  }
}

// Injected after shellac.js (both deferred, so in that order): the client is there already.
if (window.shellac) {
  const saves = createSaves(window.shellac);
  window.shellacSaves = saves;
  defineSaveElement();
  enhanceSaveButtons(saves);
} else console.warn('shellac: shellac-save.js needs shellac.js loaded before it: save buttons stay inactive');
