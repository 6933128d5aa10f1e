import { WORKER_FILE } from '@shellac/protocol';
import { register, type ShellacClient } from './register.js';

declare global {
  interface Window {
    /** The client `shellac build` injects, registered on load. */
    shellac?: ShellacClient;
  }
}

// The injected script sits beside sw.js, so its own URL gives the worker's URL and scope at any
// path prefix (`/docs/shellac.js` → `/docs/sw.js`, scope `/docs/`).
const src = (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI; // currentScript is a <script> for classic scripts
window.shellac = register({ url: new URL(WORKER_FILE, src).href });
