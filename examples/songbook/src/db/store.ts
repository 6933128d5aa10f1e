import type { Database } from 'better-sqlite3';
import type { Lesson, LessonSummary, PracticeItem, User } from '../model.js';

export interface Media {
  body: string | Buffer;
  etag: string;
}

const SUMMARY = 'id, title, composer, genre, level';
const LESSON = `${SUMMARY}, key, beats_per_measure AS beatsPerMeasure, tempo, notes`;

/** Every query the app makes, prepared once. Rows come back as the model's interfaces (`model.ts`). */
export function createStore(db: Database) {
  const q = {
    lessons: db.prepare<[], LessonSummary>(`SELECT ${SUMMARY} FROM lessons ORDER BY id`),
    lesson: db.prepare<[number], Lesson>(`SELECT ${LESSON} FROM lessons WHERE id = ?`),
    fullLessons: db.prepare<[], Lesson>(`SELECT ${LESSON} FROM lessons ORDER BY id`),
    setNotes: db.prepare<[string, number]>('UPDATE lessons SET notes = ? WHERE id = ?'),
    sheet: db.prepare<[number], Media>('SELECT sheet_svg AS body, sheet_etag AS etag FROM lessons WHERE id = ?'),
    clip: db.prepare<[number], Media>('SELECT clip_wav AS body, clip_etag AS etag FROM lessons WHERE id = ?'),
    userByName: db.prepare<[string], User & { passwordHash: string }>('SELECT id, username, password_hash AS passwordHash FROM users WHERE username = ?'),
    practice: db.prepare<[number], PracticeItem>(`SELECT ${SUMMARY.split(', ').map((c) => `l.${c}`).join(', ')}, p.added_at AS addedAt FROM practice p JOIN lessons l ON l.id = p.lesson_id WHERE p.user_id = ? ORDER BY p.added_at, l.id`),
    inPractice: db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM practice WHERE user_id = ? AND lesson_id = ?'),
    addPractice: db.prepare<[number, number, number]>('INSERT OR IGNORE INTO practice (user_id, lesson_id, added_at) VALUES (?, ?, ?)'),
  };
  return {
    lessons: () => q.lessons.all(),
    lesson: (id: number) => q.lesson.get(id),
    /** Every lesson with its notes and facts (`/api/lessons.json`). */
    fullLessons: () => q.fullLessons.all(),
    /** Rewrites a lesson's notes (an editor's change); returns whether the lesson exists. */
    setNotes: (id: number, notes: string) => q.setNotes.run(notes, id).changes > 0,
    sheet: (id: number) => q.sheet.get(id),
    clip: (id: number) => q.clip.get(id),
    userByName: (username: string) => q.userByName.get(username),
    practiceList: (userId: number) => q.practice.all(userId),
    inPracticeList: (userId: number, lessonId: number) => q.inPractice.get(userId, lessonId) !== undefined,
    addToPracticeList: (userId: number, lessonId: number) => void q.addPractice.run(userId, lessonId, Date.now()),
  };
}

export type Store = ReturnType<typeof createStore>;
