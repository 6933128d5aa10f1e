import type { Saves, ShellacClient } from '@shellac/client';

declare global {
  interface Window {
    /** Set by the script `shellac build` injects into every page. */
    shellac?: ShellacClient;
    /** Set by `shellac-save.js`, injected with `save` in the config. */
    shellacSaves?: Saves;
  }
}
