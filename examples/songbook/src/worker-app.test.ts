import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSite, ShellacCliError, type BuildSummary } from '@shellac/cli';
import type { WorkerAppEnv } from '@shellac/worker';
import { createSongbook, type Songbook } from './app.js';
import { PACKAGE_DIR } from './paths.js';
import { createWorkerSongbook } from './worker-app.js';

// The worker's entry is a web-standard app: here it is handed, as its synced data, the server's
// own answers to the data URLs of shellac.config.json, and must render what the server renders.
// (In the browser, the worker syncs that data itself: e2e/tests/worker-app.spec.ts.)
describe('Songbook in the worker: the same views as the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'songbook-worker-app-'));
  let songbook: Songbook;
  let summary: BuildSummary;
  const worker = createWorkerSongbook();
  const url = (path: string) => `http://127.0.0.1${path}`;
  const fromServer = (path: string, cookie?: string) => songbook.fetch(new Request(url(path), { headers: cookie ? { Cookie: cookie } : {} }));
  /** What the worker lends the app once it synced the sources as `cookie`'s person; `held`: the files on this device. */
  const envOf = async (cookie?: string, held: (url: string) => boolean = () => true): Promise<WorkerAppEnv> => {
    const synced = new Map<string, unknown>();
    for (const [name, path] of [['lessons', '/api/lessons.json'], ['me', '/api/me.json'], ['assets', '/static/shellac-assets.json']] as const) synced.set(name, await (await fromServer(path, cookie)).json());
    return { data: { read: async <T>(name: string) => synced.get(name) as T | undefined, syncedAt: async () => undefined }, cached: async (u) => held(u) }; // each value is that source's JSON
  };
  const inWorker = (path: string, env: WorkerAppEnv) => worker.fetch(new Request(url(path)), env);
  const signIn = async (username: string) => {
    const response = await songbook.fetch(new Request(url('/login'), { method: 'POST', body: new URLSearchParams({ username, password: 'songbook' }) }));
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };

  before(async () => {
    const buildDir = join(dir, 'build');
    summary = await buildSite({ siteDir: join(PACKAGE_DIR, 'static'), outDir: buildDir, app: true, base: '/static/', configFile: join(PACKAGE_DIR, 'shellac.config.json') });
    songbook = createSongbook({ dbPath: join(dir, 'songbook.db'), buildDir, secret: 'songbook-test-secret-0123456789' });
  });
  after(() => {
    songbook?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the real entry builds, with nothing of Node in it: the bytes it adds to the worker', () => {
    assert.ok((summary.worker.app?.gzip ?? 0) > 0);
  });

  test('content and whole pages are the server’s, byte for byte: lessons, search, about, on this device', async () => {
    const env = await envOf();
    for (const path of ['/lessons/7?from_appshell=1', '/?q=bach&from_appshell=1', '/about?from_appshell=1', '/offline?from_appshell=1', '/lessons/7', '/']) {
      const [server, rendered] = [await fromServer(path), await inWorker(path, env)];
      assert.equal(rendered.status, 200, path);
      assert.equal(await rendered.text(), await server.text(), path);
      assert.equal(rendered.headers.get('x-shellac-content'), server.headers.get('x-shellac-content'), path);
      assert.equal(rendered.headers.get('x-shellac-title'), server.headers.get('x-shellac-title'), path);
    }
  });

  test('the person whose data was synced: their account page and practice note, as the server shows them', async () => {
    const alice = await signIn('alice');
    await songbook.fetch(new Request(url('/lessons/2/practice'), { method: 'POST', headers: { Cookie: alice } }));
    const env = await envOf(alice);
    for (const path of ['/account?from_appshell=1', '/lessons/2?from_appshell=1']) {
      assert.equal(await (await inWorker(path, env)).text(), await (await fromServer(path, alice)).text(), path);
    }
  });

  test('nobody known (another person’s data not synced yet): no account page, a lesson with nothing personal', async () => {
    const env = await envOf();
    const unknown: WorkerAppEnv = { ...env, data: { ...env.data, read: async <T>(name: string) => (name === 'me' ? undefined : env.data.read<T>(name)) } };
    assert.equal((await inWorker('/account?from_appshell=1', unknown)).status, 404, 'the worker then tries its next fallback');
    const lesson = await (await inWorker('/lessons/2?from_appshell=1', unknown)).text();
    assert.match(lesson, /Your practice list shows here when you are back online/);
    assert.doesNotMatch(lesson, /Sign in|practice-form/);
  });

  test('files this device lacks are said missing in place, with the save button; lessons it lacks are no render', async () => {
    const env = await envOf(undefined, (u) => u.endsWith('/clip.wav'));
    const page = await (await inWorker('/lessons/5?from_appshell=1', env)).text();
    assert.match(page, /Sheet music is not on this device\./);
    assert.doesNotMatch(page, /<img src="\/lessons\/5\/sheet.svg"/);
    assert.match(page, /<audio controls preload="none" src="\/lessons\/5\/clip.wav">/, 'the clip it holds still plays');
    assert.equal((page.match(/data-shellac-save="\/lessons\/5"/g) ?? []).length, 2, 'the lesson’s own button, and the notice’s');
    assert.equal((await inWorker('/lessons/31?from_appshell=1', env)).status, 404);
    assert.equal((await inWorker('/login?from_appshell=1', env)).status, 404, 'signing in needs the server');
  });
});

describe('Songbook in the worker: the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'songbook-worker-build-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('an entry that reaches the server app (SQLite, sessions, files) fails the build, naming the chain of imports', async () => {
    // One line too many in a worker entry: the server's app instead of the pages alone.
    writeFileSync(join(dir, 'worker-app.ts'), `export { createSongbook as default } from '${join(PACKAGE_DIR, 'src/app.ts')}';\n`);
    const config = JSON.parse(readFileSync(join(PACKAGE_DIR, 'shellac.config.json'), 'utf8')) as { worker: object };
    writeFileSync(join(dir, 'shellac.config.json'), JSON.stringify({ ...config, worker: { ...config.worker, entry: 'worker-app.ts' } }));
    const build = buildSite({ siteDir: join(PACKAGE_DIR, 'static'), outDir: join(dir, 'out'), app: true, base: '/static/', configFile: join(dir, 'shellac.config.json') });
    await assert.rejects(build, (error: unknown) => {
      assert.ok(error instanceof ShellacCliError);
      assert.equal(error.code, 'worker-app');
      assert.match(error.message, /worker-app\.ts → .*examples\/songbook\/src\/app\.ts → (.* → )?(node:\w+|better-sqlite3)\b.*runs only in Node, not in a service worker/);
      return true;
    });
  });
});
