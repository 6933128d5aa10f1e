import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { User } from '../model.js';

export const SESSION_COOKIE = 'songbook_session';
export const SESSION_SECONDS = 7 * 24 * 3600;

/** Server-side sessions: a random id in a cookie, the rest in the `sessions` table. */
export function createSessions(db: Database, now: () => number = Date.now) {
  const q = {
    insert: db.prepare<[string, number, number, number]>('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    user: db.prepare<[string, number], User>('SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.expires_at > ?'),
    delete: db.prepare<[string]>('DELETE FROM sessions WHERE id = ?'),
    deleteExpired: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
    expireUser: db.prepare<[number, string, number]>('UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE username = ?) AND expires_at > ?'),
  };
  return {
    /** Starts a session for a user; returns its id (the cookie value). */
    start(userId: number): string {
      const id = randomBytes(32).toString('base64url');
      const t = now();
      q.deleteExpired.run(t);
      q.insert.run(id, userId, t, t + SESSION_SECONDS * 1000);
      return id;
    },
    /** The signed-in user of a session id, if the session exists and has not expired. */
    user(id: string | undefined): User | undefined {
      return id ? q.user.get(id, now()) : undefined;
    },
    end(id: string | undefined): void {
      if (id) q.delete.run(id);
    },
    /** Expires every session of a user at once (as if seven days had passed); returns how many. */
    expireUser(username: string): number {
      const t = now();
      return q.expireUser.run(t, username, t).changes;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
