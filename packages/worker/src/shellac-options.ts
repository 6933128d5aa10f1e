import type { WorkerConfig } from '@shellac/protocol';
import type { AppShell } from './app-shell/create-app-shell.js';
import type { WorkerAppFeature } from './app/create-worker-app.js';
import type { IdentityFeature } from './identity/create-identity.js';
import type { Router } from './routing/router.js';
import type { SavedFeature } from './save/create-saved.js';

/** Options of {@link createShellac}: the build's {@link WorkerConfig} (less `routes`) plus what only code can give. */
export interface ShellacOptions extends Omit<Partial<WorkerConfig>, 'routes' | 'appShell' | 'identity' | 'save' | 'app'> {
  /**
   * Identity (`createIdentity()`): the pages cache and `perUser` runtime caches are kept per person
   * and dropped when someone else signs in or this person signs out. Leave it out only for sites
   * where nobody signs in: it keeps its code out of the bundle.
   */
  identity?: IdentityFeature;
  /**
   * App-shell mode (`createAppShell()`): allowed navigations get the cached shell at once, and the
   * shell's `?from_appshell=1` content requests go network-first into the pages cache. Leaving it
   * out keeps its code out of the bundle.
   */
  shell?: AppShell;
  /**
   * Your routes, tried after the precache and before the built-in pages route. Leaving the router
   * out keeps its code out of the bundle. For routes written as JSON, see `applyRoutes`.
   */
  router?: Router;
  /**
   * Save for offline (`createSaved()`): people choose pages to keep with everything they need,
   * answered when the network fails. Leaving it out keeps its code out of the bundle.
   */
  saved?: SavedFeature;
  /**
   * The app inside the worker (`createWorkerApp()`): the site's own routes render pages and
   * content from synced data when the server cannot answer. Leaving it out keeps its code out.
   */
  app?: WorkerAppFeature;
  /** The registration scope (default: the worker's own). */
  scope?: string;
  /** The worker script's URL, which `manifest`, `offlinePage` and `offlineImage` are relative to. */
  scriptUrl?: string;
  /** The clock of cache ages (ms since the epoch); default `Date.now`. Tests pass their own. */
  now?: () => number;
}
