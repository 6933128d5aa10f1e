import { createShellLoader, type ShellLoader } from './shell-loader.js';

declare global {
  interface Window {
    /** The app shell's loader, started by `shellac-shell.js`. */
    shellacShell?: ShellLoader;
  }
}

// Served at the scope root beside sw.js, so its own folder is the scope.
const src = (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI; // a classic script's currentScript is a <script>
const start = () => (window.shellacShell = createShellLoader({ scope: new URL('./', src).href }));
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
