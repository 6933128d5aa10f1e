import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The secret that keys user tags, kept beside the database (`songbook.db.secret`) so tags stay the
 * same across restarts: a new secret on every start would look like a new person to every
 * browser, and each would drop its offline pages. `SONGBOOK_SECRET` (comma-separated, newest
 * first, for a rotation) takes precedence.
 */
export function loadSecret(dbPath: string): string | string[] {
  const fromEnv = process.env.SONGBOOK_SECRET?.split(',').map((s) => s.trim()).filter(Boolean);
  if (fromEnv?.length) return fromEnv;
  const file = `${dbPath}.secret`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
