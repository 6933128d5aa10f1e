/**
 * A melody as lessons store it: space-separated tokens `<pitch><octave><duration>`, e.g.
 * `E4q D4q C4h`, with `#` or `b` after the letter (`F#4e`) and `R` for a rest (`Rq`).
 * Durations: `w` whole (4 beats), `h` half, `q` quarter, `e` eighth; a trailing `.` adds half.
 */
export interface Note {
  /** Diatonic steps above C4 (C4 = 0, D4 = 1, … C5 = 7); undefined for a rest. */
  step: number | undefined;
  /** -1 flat, 0 natural, 1 sharp. */
  accidental: -1 | 0 | 1;
  /** MIDI number (C4 = 60); undefined for a rest. */
  midi: number | undefined;
  /** Length in quarter-note beats. */
  beats: number;
  /** The duration letter, for drawing (`w`, `h`, `q`, `e`). */
  kind: 'w' | 'h' | 'q' | 'e';
  dotted: boolean;
}

const LETTERS = 'CDEFGAB';
const SEMITONES = [0, 2, 4, 5, 7, 9, 11];
const BEATS = { w: 4, h: 2, q: 1, e: 0.5 } as const;
const TOKEN = /^(?:([A-G])([#b]?)([0-8])|R)([whqe])(\.?)$/;

/** Parses a melody; throws on a malformed token, naming it (seed data is ours, so fail loudly). */
export function parseMelody(melody: string): Note[] {
  return melody.trim().split(/\s+/).map((token) => {
    const m = TOKEN.exec(token);
    if (!m) throw new Error(`melody: cannot read note "${token}"`);
    const [, letter, sign, octave = '4', duration, dot] = m;
    const kind = duration as Note['kind']; // the pattern allows only these letters
    const dotted = dot === '.';
    const beats = BEATS[kind] * (dotted ? 1.5 : 1);
    if (!letter) return { step: undefined, accidental: 0, midi: undefined, beats, kind, dotted };
    const index = LETTERS.indexOf(letter);
    const accidental = sign === '#' ? 1 : sign === 'b' ? -1 : 0;
    const step = (Number(octave) - 4) * 7 + index;
    const midi = (Number(octave) + 1) * 12 + SEMITONES[index]! + accidental;
    return { step, accidental, midi, beats, kind, dotted };
  });
}

/** Frequency in hertz of a MIDI note (A4 = 69 = 440 Hz). */
export function frequency(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}
