import type { Context } from 'hono';
import { wantsContentOnly } from '@shellac/protocol';
import type { WorkerAppEnv } from '@shellac/worker';
import type { LessonsData, MeData } from '../model.js';
import type { PageHost } from '../pages.js';
import { renderPage } from '../render-page.js';

/** What `shellac build --app` wrote beside the static files (`shellac-assets.json`), synced as `assets`. */
export interface BuildAssets {
  base: string;
  files: Record<string, string>;
}

/**
 * The Hono environment of the Songbook in the worker: `c.env` is what the worker lends the app;
 * `assets`, the synced list of hashed file names, read before the route (views ask for names
 * synchronously).
 */
export type WorkerEnv = { Bindings: WorkerAppEnv; Variables: { assets: BuildAssets | undefined } };

/**
 * The pages' host in the service worker: lessons, the person and their practice list from the
 * data the worker synced (`worker.data` in shellac.config.json), the hashed file names from the
 * build's own list. The person's data is read from their partition only: after a switch, until
 * the new person's data is synced, nobody is known here and nothing personal renders.
 */
export function workerHost(c: Context<WorkerEnv>): PageHost {
  const { data, cached } = c.env;
  // Read once per request, when first asked.
  let lessons: Promise<LessonsData | undefined> | undefined;
  let me: Promise<MeData | undefined> | undefined;
  const assets = c.get('assets');
  const allLessons = async () => (await (lessons ??= data.read<LessonsData>('lessons')))?.lessons ?? [];
  const mine = () => (me ??= data.read<MeData>('me'));
  const asset = (name: string) => {
    const hashed = assets?.files[name];
    // A page that would load an unknown file is no render: the worker tries its next fallback.
    if (!assets || !hashed) throw new Error(`no synced asset list names ${name}`);
    return assets.base + hashed;
  };
  return {
    lessons: allLessons,
    lesson: async (id) => (await allLessons()).find((l) => l.id === id),
    user: async () => (await mine())?.user,
    practiceList: async () => (await mine())?.practice ?? [],
    inPracticeList: async (_user, lessonId) => !!(await mine())?.practice.some((l) => l.id === lessonId),
    media: async (lesson) => ({ sheet: await cached(`/lessons/${lesson.id}/sheet.svg`), clip: await cached(`/lessons/${lesson.id}/clip.wav`) }),
    asset,
    render: (page, user) => renderPage(c, page, { contentOnly: wantsContentOnly(c.req.raw), asset, user }),
  };
}
