import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { FILES } from '@shellac/protocol';
import { createShellacServer, rangeResponse } from '@shellac/server';
import { shellacHono } from '@shellac/server/hono';
import { addDataRoutes } from './api/data-routes.js';
import { verifyPassword } from './auth/passwords.js';
import { loadSecret } from './auth/secret.js';
import { createSessions, SESSION_COOKIE, SESSION_SECONDS } from './auth/sessions.js';
import { openDatabase } from './db/open-database.js';
import { createStore, type Media, type Store } from './db/store.js';
import type { User } from './model.js';
import { addPages, LESSON_PATH, type PageHost } from './pages.js';
import { DEFAULT_BUILD_DIR, DEFAULT_DB_PATH } from './paths.js';
import { redirectTo } from './redirect.js';
import { renderPage } from './render-page.js';
import { sameOrigin } from './same-origin.js';
import { renderBase } from './views/layout.js';
import { loginPage } from './views/login.js';
import { notFoundPage } from './views/not-found.js';
import type { Page } from './views/page.js';

export interface SongbookOptions {
  /** The SQLite file; created and seeded when missing. Default `data/songbook.db` in this package. */
  dbPath?: string;
  /** The output of `shellac build static --app`. Default `build/static` in this package. */
  buildDir?: string;
  /** The port the app will be served on, when known (kept for the caller; the app itself needs no port). */
  port?: number;
  /** Keys the user tags; newest first during a rotation. Default: `SONGBOOK_SECRET`, else a file beside the database. */
  secret?: string | string[];
}

export interface Songbook {
  app: Hono<SongbookEnv>;
  fetch(request: Request): Promise<Response>;
  /** The app's queries (a test changes a lesson's notes through it, as an editor would). */
  store: Store;
  /** Ends every session of a user on the server, as if the seven days were over; returns how many. */
  expireSessions(username: string): number;
  readonly port: number | undefined;
  /** Closes the database. */
  close(): void;
}

type SongbookEnv = { Variables: { user: User | undefined } };
type SongbookContext = Context<SongbookEnv>;

/**
 * The Songbook app: a Hono app over a SQLite file, with Shellac's app shell. Every instance has
 * its own database connection and build: tests start several side by side.
 */
export function createSongbook(options: SongbookOptions = {}): Songbook {
  const buildDir = resolve(options.buildDir ?? DEFAULT_BUILD_DIR);
  if (!existsSync(join(buildDir, FILES.assets))) {
    throw new Error(`Songbook: no static build at ${buildDir}. Run \`npm run build\` in examples/songbook (shellac build static --out build/static --app --base /static/).`);
  }
  const dbPath = options.dbPath ?? DEFAULT_DB_PATH;
  const db = openDatabase(dbPath);
  const store = createStore(db);
  const sessions = createSessions(db);
  const shellac = createShellacServer({
    buildDir,
    // The base template with an empty content region and a header for nobody in particular.
    shell: () => renderBase(undefined, { asset: (name) => shellac.asset(name), header: { shell: true } }),
    // Every page names its person (a keyed hash of the user id), so the worker keeps each
    // person's pages apart and drops them when someone else signs in (issue 4).
    identity: { secret: options.secret ?? loadSecret(dbPath) },
  });

  const render = (c: SongbookContext, page: Page) => {
    const view = c.get('shellac');
    return renderPage(c, page, { contentOnly: view.contentOnly, asset: view.asset, user: c.get('user') ?? null });
  };

  // The pages the service worker renders too, from the same views: here from SQLite and the session.
  const host = (c: SongbookContext): PageHost => ({
    lessons: () => store.lessons(),
    lesson: (id) => store.lesson(id),
    user: () => c.get('user') ?? null,
    practiceList: (user) => store.practiceList(user.id),
    inPracticeList: (user, lessonId) => store.inPracticeList(user.id, lessonId),
    media: () => undefined,
    asset: c.get('shellac').asset,
    render: (page) => render(c, page),
  });

  // The lesson's files come from the database. Range lets a player seek in a clip (and fetch only
  // what it plays); If-None-Match and If-Range keep the copies a browser holds current.
  const media = (c: SongbookContext, found: Media | undefined, type: string) => {
    if (!found) return c.text('Not found', 404);
    return rangeResponse(c.req.raw, found.body, { etag: found.etag, headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' } });
  };

  const lessonId = (c: SongbookContext) => Number(c.req.param('id'));

  const app = new Hono<SongbookEnv>();
  app.use(shellacHono(shellac));
  app.use(sameOrigin());
  app.use(async function currentUser(c, next) {
    const id = getCookie(c, SESSION_COOKIE);
    const user = sessions.user(id);
    c.set('user', user);
    c.get('shellac').user(user?.id ?? null);
    if (id && !user) deleteCookie(c, SESSION_COOKIE, { path: '/' }); // expired or unknown
    await next();
  });

  addPages({ app, host });
  addDataRoutes({ app, store, user: (c) => c.get('user'), userTag: (id) => shellac.userTag(id) });

  app.get(`${LESSON_PATH}/sheet.svg`, (c) => media(c, store.sheet(lessonId(c)), 'image/svg+xml; charset=utf-8'));
  app.get(`${LESSON_PATH}/clip.wav`, (c) => media(c, store.clip(lessonId(c)), 'audio/wav'));
  app.post(`${LESSON_PATH}/practice`, (c) => {
    const user = c.get('user');
    if (!user) return redirectTo(c, '/login');
    const lesson = store.lesson(lessonId(c));
    if (!lesson) return render(c, notFoundPage(c.req.path));
    store.addToPracticeList(user.id, lesson.id);
    return redirectTo(c, `/lessons/${lesson.id}`);
  });

  app.get('/login', (c) => render(c, loginPage()));
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const username = typeof form.username === 'string' ? form.username.trim() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const found = store.userByName(username);
    if (!(await verifyPassword(password, found?.passwordHash)) || !found) {
      return render(c, loginPage({ username, error: 'Wrong username or password.' }));
    }
    const secure = new URL(c.req.url).protocol === 'https:';
    setCookie(c, SESSION_COOKIE, sessions.start(found.id), { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: SESSION_SECONDS });
    return redirectTo(c, '/account');
  });
  app.post('/logout', (c) => {
    sessions.end(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    c.get('shellac').loggedOut();
    return redirectTo(c, '/');
  });

  app.notFound((c) => render(c, notFoundPage(c.req.path)));
  app.onError((error, c) => {
    console.error(`songbook: ${c.req.method} ${c.req.path}:`, error);
    return c.text('Internal server error', 500);
  });

  let closed = false;
  return {
    app,
    fetch: async (request) => app.fetch(request),
    store,
    expireSessions: (username) => sessions.expireUser(username),
    port: options.port,
    close() {
      if (!closed) db.close();
      closed = true;
    },
  };
}
