import { USER_HEADER } from '@shellac/protocol';
import type { Context, Env, Hono } from 'hono';
import type { Store } from '../db/store.js';
import type { LessonsData, MeData, User } from '../model.js';
import { jsonResponse } from './json-response.js';

export interface DataRoutesOptions<E extends Env> {
  app: Hono<E>;
  store: Store;
  /** The person signed in, if any. */
  user(c: Context<E>): User | undefined;
  /** The opaque tag `X-Shellac-User` carries for a user id (null: nobody). */
  userTag(id: number | null): string;
}

/**
 * The data the app in the service worker renders from (`worker.data` in shellac.config.json):
 * every lesson (`/api/lessons.json`, the same for everyone), and the person's own
 * (`/api/me.json`: who, and the practice list), tagged with their user tag like pages, so the
 * worker keeps it for them alone and drops it when someone else signs in.
 */
export function addDataRoutes<E extends Env>(options: DataRoutesOptions<E>): Hono<E> {
  const { app, store } = options;
  app.get('/api/lessons.json', (c) => jsonResponse(c, { lessons: store.fullLessons() } satisfies LessonsData));
  app.get('/api/me.json', (c) => {
    const user = options.user(c);
    const me: MeData = { user: user ? { id: user.id, username: user.username } : null, practice: user ? store.practiceList(user.id) : [] };
    // `private`: one person's data, for no shared cache.
    return jsonResponse(c, me, { [USER_HEADER]: options.userTag(user?.id ?? null), 'Cache-Control': 'private, no-cache' });
  });
  return app;
}
