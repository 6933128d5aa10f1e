/**
 * What the Songbook's pages show, as both the server (from SQLite) and the service worker (from
 * the synced JSON of `/api/lessons.json` and `/api/me.json`) give it to the same views.
 */

export type Level = 'Beginner' | 'Intermediate' | 'Advanced';

export interface LessonSummary {
  id: number;
  title: string;
  composer: string;
  genre: string;
  level: Level;
}

export interface Lesson extends LessonSummary {
  key: string;
  /** Quarter-note beats per measure (the time signature is this over 4). */
  beatsPerMeasure: number;
  tempo: number;
  /** Paragraphs separated by blank lines. */
  notes: string;
}

export interface User {
  id: number;
  username: string;
}

export interface PracticeItem extends LessonSummary {
  addedAt: number;
}

/** `GET /api/lessons.json`: every lesson, with all a page needs. */
export interface LessonsData {
  lessons: Lesson[];
}

/** `GET /api/me.json`: who is signed in (null: nobody) and their practice list. One person's data. */
export interface MeData {
  user: User | null;
  practice: PracticeItem[];
}
