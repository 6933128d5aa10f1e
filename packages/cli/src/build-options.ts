/** What `buildSite` and `planBuild` are told: the command line's `build` options. */
export interface BuildOptions {
  siteDir: string;
  /** The output folder: not the site, not inside it, not holding it; new, empty or a previous build. */
  outDir: string;
  /** `--config FILE`; otherwise shellac.config.json in the current folder or the site. */
  configFile?: string;
  /**
   * Hard-link files the build does not change instead of copying them: near-instant on any
   * filesystem, but the output then shares those files with the site, so a tool that edits the
   * output in place would edit the site too. Off by default.
   */
  link?: boolean;
  /**
   * App mode, for an application's static folder (Django's ManifestStaticFilesStorage, say):
   * every file also gets a hashed copy (`app.css` → `app.3f9a1c2b.css`), `shellac-assets.json`
   * maps names to hashed URLs for the server's `asset()`, no HTML is required or changed, and the
   * worker and client scripts are meant to be served at the root (see docs/design/app-shell.md).
   * Identity is always on in app mode.
   */
  app?: boolean;
  /** With `app`: the URL path the static folder is served at. Default `/static/`. */
  base?: string;
  /** Called as files are written. */
  onProgress?: (done: { files: number; bytes: number; totalFiles: number }) => void;
}

/** What a build wrote, as the command's summary prints it. */
export interface BuildSummary {
  outDir: string;
  files: number;
  pages: number;
  precached: number;
  precachedBytes: number;
  offlinePage: string;
  offlinePageGenerated: boolean;
  /**
   * What the browser answers from the precache without the worker (static routes, where it has
   * them): the hashed folders, each one route, and the other files whose names carry their hash.
   */
  staticRoutes: { folders: string[]; files: number };
  /** App mode with `appShell` configured. */
  appShell: boolean;
  /** `sw.js` (the version and config), and the runtime it loads (shared by every deploy). */
  worker: {
    bytes: number;
    gzip: number;
    runtime: { name: string; bytes: number; gzip: number };
    /** With a worker app: the gzip bytes its code adds to the runtime. */
    app?: { gzip: number };
  };
  client: { bytes: number; gzip: number };
  version: string;
  configFile: string | undefined;
  warnings: string[];
  ms: number;
}
