import type { Database } from 'better-sqlite3';

/**
 * Bumped when the tables or the seeded data change; an older database is rebuilt and seeded afresh
 * (it is demo data). 2: the clips became 30-second loops.
 */
export const SCHEMA_VERSION = 2;

export const TABLES = ['practice', 'sessions', 'users', 'lessons'] as const;

export function createSchema(db: Database): void {
  db.exec(`
    CREATE TABLE lessons (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      composer TEXT NOT NULL,
      genre TEXT NOT NULL,
      level TEXT NOT NULL,
      key TEXT NOT NULL,
      beats_per_measure INTEGER NOT NULL,
      tempo INTEGER NOT NULL,
      melody TEXT NOT NULL,
      notes TEXT NOT NULL,
      sheet_svg TEXT NOT NULL,
      clip_wav BLOB NOT NULL,
      sheet_etag TEXT NOT NULL,
      clip_etag TEXT NOT NULL
    );
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL
    );
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE TABLE practice (
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
      added_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, lesson_id)
    );
  `);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export function dropSchema(db: Database): void {
  for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
  db.pragma('user_version = 0');
}
