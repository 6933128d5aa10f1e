import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createSchema, dropSchema, SCHEMA_VERSION } from './schema.js';
import { seed } from './seed.js';

/**
 * Opens the database at `path` (creating its folder), and on first use creates the tables and
 * seeds them. `reset` drops everything first: `npm run seed` uses it.
 */
export function openDatabase(path: string, options: { reset?: boolean } = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  const version = db.pragma('user_version', { simple: true });
  if (options.reset || version !== SCHEMA_VERSION) {
    db.transaction(() => {
      dropSchema(db);
      createSchema(db);
      seed(db);
    })();
  }
  return db;
}
