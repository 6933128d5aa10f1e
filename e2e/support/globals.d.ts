import type { ShellacClient } from '@shellac/client';

declare global {
  interface Window {
    /** Set by the script `shellac build` injects into every page. */
    shellac?: ShellacClient;
  }
}
