// The Songbook in the service worker (`worker` in shellac.config.json): the same routes and views
// as the server, over the data the worker syncs, so every lesson opens offline, visited or not.
// Nothing here may reach Node (SQLite, sessions, files): `shellac build` refuses it.
import { Hono } from 'hono/tiny';
import { addPages } from './pages.js';
import { workerHost, type BuildAssets, type WorkerEnv } from './worker/worker-host.js';

/** The Songbook's pages on Hono's smallest router, each filled by the worker's host. */
export function createWorkerSongbook(): Hono<WorkerEnv> {
  const app = new Hono<WorkerEnv>();
  app.use(async function syncedAssets(c, next) {
    c.set('assets', await c.env.data.read<BuildAssets>('assets'));
    await next();
  });
  return addPages({ app, host: workerHost });
}

export default createWorkerSongbook();
