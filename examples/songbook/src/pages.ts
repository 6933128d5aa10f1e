import type { Context, Env, Hono } from 'hono';
import type { Lesson, LessonSummary, PracticeItem, User } from './model.js';
import { redirectTo } from './redirect.js';
import { aboutPage } from './views/about.js';
import { accountPage } from './views/account.js';
import { homePage } from './views/home.js';
import { lessonPage, type LessonMedia } from './views/lesson.js';
import { offlinePage } from './views/offline.js';
import type { Page, Viewer } from './views/page.js';

type Maybe<T> = T | Promise<T>;

/**
 * Where the pages get what they show, for one request. The server reads SQLite and the session;
 * the service worker reads the data it synced. Both hand it to the same routes and views.
 */
export interface PageHost {
  lessons(): Maybe<readonly LessonSummary[]>;
  lesson(id: number): Maybe<Lesson | undefined>;
  /** The person signed in, `null` for nobody, `undefined` where that cannot be told. */
  user(): Maybe<Viewer>;
  practiceList(user: User): Maybe<readonly PracticeItem[]>;
  inPracticeList(user: User, lessonId: number): Maybe<boolean>;
  /** Which of a lesson's files are at hand; undefined: all of them (the server). */
  media(lesson: Lesson): Maybe<LessonMedia | undefined>;
  asset(name: string): string;
  /** The page, whole or its content alone, for this request. */
  render(page: Page, user: Viewer): Maybe<Response>;
}

export interface PagesOptions<E extends Env> {
  /** The app to add the routes to: the server's Hono app, or a small one in the worker. */
  app: Hono<E>;
  host(c: Context<E>): PageHost;
}

export const LESSON_PATH = '/lessons/:id{[0-9]+}';

/**
 * The Songbook's pages that need no network to render: the lesson list and its search, a lesson,
 * the account page, about, and "On this device". The server and the service worker add the same
 * routes to their app; a page the host cannot fill (someone else's account, a lesson it lacks) is
 * a 404, which the worker counts as no render.
 */
export function addPages<E extends Env>(options: PagesOptions<E>): Hono<E> {
  const { app, host } = options;
  app.get('/', async (c) => {
    const h = host(c);
    return h.render(homePage(await h.lessons(), c.req.query('q') ?? ''), await h.user());
  });
  app.get('/about', async (c) => {
    const h = host(c);
    return h.render(aboutPage(), await h.user());
  });
  app.get('/offline', async (c) => {
    const h = host(c);
    return h.render(offlinePage({ asset: h.asset }), await h.user());
  });
  app.get(LESSON_PATH, async (c) => {
    const h = host(c);
    const lesson = await h.lesson(Number(c.req.param('id')));
    if (!lesson) return c.notFound();
    const user = await h.user();
    const inPracticeList = user ? await h.inPracticeList(user, lesson.id) : false;
    return h.render(lessonPage({ lesson, inPracticeList, media: await h.media(lesson) }, { user, asset: h.asset }), user);
  });
  app.get('/account', async (c) => {
    const h = host(c);
    const user = await h.user();
    if (user === undefined) return c.notFound();
    if (user === null) return redirectTo(c, '/login');
    return h.render(accountPage(user, await h.practiceList(user)), user);
  });
  return app;
}
