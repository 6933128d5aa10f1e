import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { findDjangoPython } from './django-python.js';
import { FrontServer } from './front-server.js';

/** The Django Songbook (examples/django-songbook), and what global setup prepares of it once. */
export const DJANGO_SONGBOOK = new URL('../../examples/django-songbook', import.meta.url).pathname;
const PREPARED = new URL('../.tmp/django-songbook', import.meta.url).pathname;
/** The seeded database every server copies, and the collected, built static folder they share. */
export const DJANGO_PREPARED = { db: join(PREPARED, 'songbook.sqlite3'), staticRoot: join(PREPARED, 'static') };
/** One SECRET_KEY for the run: the prepared database's passwords do not depend on it, sessions do. */
const SECRET_KEY = 'e2e-django-songbook-secret-key-0123456789abcdefghijklmnop';

export const DJANGO_PYTHON = findDjangoPython();

/** The environment of the demo's manage.py for a database and the shared static folder. */
export function djangoEnv(db: string, more: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, SONGBOOK_DB: db, SONGBOOK_STATIC_ROOT: DJANGO_PREPARED.staticRoot, DJANGO_SECRET_KEY: SECRET_KEY, SONGBOOK_LOG: 'WARNING', ...more };
}

/** Runs one manage.py command to its end; throws with its output when it fails. */
export function manage(args: string[], env: NodeJS.ProcessEnv): string {
  if (!DJANGO_PYTHON) throw new Error('no python3 with Django (apt-get install python3-django; .ci/run installs it)');
  const r = spawnSync(DJANGO_PYTHON, ['manage.py', ...args], { cwd: DJANGO_SONGBOOK, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`manage.py ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Global setup: the database migrated and seeded, the static files collected and built, once. */
export function prepareDjangoSongbook(): void {
  rmSync(PREPARED, { recursive: true, force: true });
  mkdirSync(PREPARED, { recursive: true });
  const env = djangoEnv(DJANGO_PREPARED.db);
  manage(['migrate', '--noinput', '-v', '0'], env);
  manage(['collectstatic', '--noinput', '-v', '0'], env);
  manage(['shellac_build', '--quiet'], env);
}

/**
 * The Django Songbook with its own copy of the prepared database, started by the demo's own
 * command (`manage.py start`, without preparing again), behind a {@link FrontServer}.
 */
export class DjangoSongbookServer extends FrontServer {
  private readonly dir = mkdtempSync(join(tmpdir(), 'shellac-django-'));
  private readonly db = join(this.dir, 'songbook.sqlite3');

  constructor(extraEnv: Record<string, string> = {}) {
    super(async () => {
      const child = spawn(DJANGO_PYTHON!, ['manage.py', 'start', '--no-prepare', '--port', '0'], { cwd: DJANGO_SONGBOOK, env: djangoEnv(this.db, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
      return { port: await listening(child), close: () => stop(child) };
    });
    copyFileSync(DJANGO_PREPARED.db, this.db);
  }

  /** Ends every session of a user on the server, as if it had expired; returns how many. */
  expireSessions(username: string): number {
    const code = [
      'from django.contrib.sessions.models import Session',
      'from django.contrib.auth.models import User',
      `uid = str(User.objects.get(username=${JSON.stringify(username)}).pk)`,
      "gone = [s.delete() for s in Session.objects.all() if s.get_decoded().get('_auth_user_id') == uid]",
      'print(len(gone))',
    ].join('\n');
    return Number(manage(['shell', '-c', code], djangoEnv(this.db)).trim());
  }

  override async stop() {
    await super.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The port once the server says it listens (its first line of output). */
async function listening(child: ChildProcess): Promise<number> {
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /Songbook: http:\/\/[^:]+:(\d+)\//.exec(out)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`the Django Songbook exited (${code}) before listening:\n${out}\n${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
