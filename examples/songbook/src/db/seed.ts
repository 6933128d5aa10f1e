import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { hashPassword } from '../auth/passwords.js';
import { parseMelody } from '../media/notes.js';
import { renderSheetSvg } from '../media/sheet-music.js';
import { renderWav } from '../media/wav.js';
import { LESSONS, type LessonSeed } from './lessons.js';

export const SEED_USERS = ['alice', 'bob'] as const;
export const SEED_PASSWORD = 'songbook';

const ADVICE = {
  Beginner: 'If you are new to reading music, name each note aloud before you play it, and clap the rhythm once through.',
  Intermediate: 'Read through the whole piece once without stopping, even if some notes go wrong, to get a sense of its shape; then go back and fix the hard bars one at a time.',
  Advanced: 'Start with a metronome at two thirds of the target tempo, and raise it a few beats per minute only when a run is clean three times in a row.',
} as const;

/** A lesson's notes: a few paragraphs, separated by blank lines. */
function notesText(lesson: LessonSeed): string {
  return [
    lesson.about,
    `This lesson is in ${lesson.key}, in ${lesson.beatsPerMeasure}/4 time, at about ${lesson.tempo} beats per minute. ${ADVICE[lesson.level]}`,
    `What to focus on: ${lesson.focus}. The audio clip plays the melody at this tempo over and over for half a minute, with a bar's rest between passes; listen to it once before you start, then play along with it, and skip back to the bar that needs work.`,
    'A good practice session is short and regular: ten focused minutes a day do more than an hour once a week. Use the practice timer below to keep yourself honest, and add this lesson to your practice list to find it again quickly.',
  ].join('\n\n');
}

const etag = (bytes: string | Buffer) => `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;

/** Fills empty tables with the lessons (with their sheet music and clips) and the two users. */
export function seed(db: Database): void {
  const insertLesson = db.prepare(`
    INSERT INTO lessons (id, title, composer, genre, level, key, beats_per_measure, tempo, melody, notes, sheet_svg, clip_wav, sheet_etag, clip_etag)
    VALUES (@id, @title, @composer, @genre, @level, @key, @beatsPerMeasure, @tempo, @melody, @notes, @sheet, @clip, @sheetEtag, @clipEtag)`);
  const insertUser = db.prepare('INSERT INTO users (username, password_hash) VALUES (?, ?)');
  db.transaction(() => {
    LESSONS.forEach((lesson, i) => {
      const notes = parseMelody(lesson.melody);
      const sheet = renderSheetSvg(notes, { title: lesson.title, beatsPerMeasure: lesson.beatsPerMeasure });
      const clip = renderWav(notes, { tempo: lesson.tempo, beatsPerMeasure: lesson.beatsPerMeasure });
      insertLesson.run({ ...lesson, id: i + 1, notes: notesText(lesson), sheet, clip, sheetEtag: etag(sheet), clipEtag: etag(clip) });
    });
    for (const name of SEED_USERS) insertUser.run(name, hashPassword(SEED_PASSWORD));
  })();
}
