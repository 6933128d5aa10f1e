import { guardUnsavedInput } from './guard-unsaved-input.js';
import { createShellLoader, type ShellLoader } from './shell-loader.js';

declare global {
  interface Window {
    /** The app shell's loader, started by `shellac-shell.js`. */
    shellacShell?: ShellLoader;
  }
}

// Served at the scope root beside sw.js, so its own folder is the scope.
const src = (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI; // a classic script's currentScript is a <script>
const start = () => {
  window.shellacShell = createShellLoader({ scope: new URL('./', src).href });
  // App pages hold forms: a change of person must not throw away what someone typed.
  if (window.shellac) guardUnsavedInput(window.shellac);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
