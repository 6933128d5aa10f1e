import { SiteBuild } from './build.js';
import { SiteServer } from './site-server.js';

/** A scratch build of the example site and the server in front of it. */
export interface StartedSite {
  build: SiteBuild;
  server: SiteServer;
}

/**
 * Copies the example site with `config`, lets `prepare` change it, builds it and serves the build
 * (under `base`). A failure on the way removes the copy before it is thrown.
 */
export async function startSite(config?: object, prepare?: (b: SiteBuild) => void, base = '/'): Promise<StartedSite> {
  const build = new SiteBuild(undefined, config);
  try {
    prepare?.(build);
    await build.build();
    return { build, server: await new SiteServer(build.out, base).start() };
  } catch (error) {
    build.remove();
    throw error;
  }
}

/** Stops what `startSite` started (either may be missing: a test that failed before it). */
export async function stopSite(site: Partial<StartedSite>) {
  await site.server?.stop();
  site.build?.remove();
}
