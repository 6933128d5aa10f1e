import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSite } from '@shellac/cli';
import { createSongbook, type Songbook } from '../app.js';
import type { LessonsData, MeData } from '../model.js';
import { PACKAGE_DIR } from '../paths.js';

// The data the app in the worker renders from, asked of the real app over a fresh database.
describe('Songbook data for the worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'songbook-data-'));
  let songbook: Songbook;
  const get = (path: string, headers: Record<string, string> = {}) => songbook.fetch(new Request(`http://127.0.0.1${path}`, { headers }));
  /** The session cookie of a user who signed in. */
  const signIn = async (username: string) => {
    const form = new URLSearchParams({ username, password: 'songbook' });
    const response = await songbook.fetch(new Request('http://127.0.0.1/login', { method: 'POST', body: form }));
    assert.equal(response.status, 303);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };

  before(async () => {
    const buildDir = join(dir, 'build');
    await buildSite({ siteDir: join(PACKAGE_DIR, 'static'), outDir: buildDir, app: true, base: '/static/', configFile: join(PACKAGE_DIR, 'shellac.config.json') });
    songbook = createSongbook({ dbPath: join(dir, 'songbook.db'), buildDir, secret: 'songbook-test-secret-0123456789' });
  });
  after(() => {
    songbook?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/api/lessons.json: every lesson with what its page shows; 304 for the ETag held; a new ETag when notes change', async () => {
    const first = await get('/api/lessons.json');
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type')!, /^application\/json/);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const { lessons } = (await first.json()) as LessonsData;
    assert.equal(lessons.length, 30);
    assert.deepEqual(Object.keys(lessons[0]!).sort(), ['beatsPerMeasure', 'composer', 'genre', 'id', 'key', 'level', 'notes', 'tempo', 'title']);
    assert.equal(lessons[0]!.title, 'Ode to Joy');
    const etag = first.headers.get('etag')!;
    const again = await get('/api/lessons.json', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(songbook.store.setNotes(1, 'New notes from the editor.'), true);
    const changed = await get('/api/lessons.json', { 'If-None-Match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(((await changed.json()) as LessonsData).lessons[0]!.notes, 'New notes from the editor.');
  });

  test('/api/me.json: the person and their practice list, tagged with their user tag as their pages are, and private', async () => {
    const anonymous = await get('/api/me.json');
    assert.deepEqual(await anonymous.json(), { user: null, practice: [] } satisfies MeData);
    assert.equal(anonymous.headers.get('x-shellac-user'), 'anonymous');
    const cookie = await signIn('alice');
    await songbook.fetch(new Request('http://127.0.0.1/lessons/3/practice', { method: 'POST', headers: { Cookie: cookie } }));
    const alice = await get('/api/me.json', { Cookie: cookie });
    const me = (await alice.json()) as MeData;
    assert.equal(me.user?.username, 'alice');
    assert.deepEqual(me.practice.map((l) => l.title), ['Frère Jacques']);
    assert.equal(alice.headers.get('cache-control'), 'private, no-cache');
    const page = await get('/account?from_appshell=1', { Cookie: cookie });
    assert.match(alice.headers.get('x-shellac-user')!, /^[\w-]{16,}$/);
    assert.equal(alice.headers.get('x-shellac-user'), page.headers.get('x-shellac-user'), 'the same tag as her pages');
    const bob = await get('/api/me.json', { Cookie: await signIn('bob'), 'If-None-Match': alice.headers.get('etag')! });
    assert.equal(bob.status, 200, "Alice's ETag is not Bob's");
  });
});
