import { escapeHtml } from '../html.js';
import type { Note } from './notes.js';

export interface SheetOptions {
  title: string;
  /** Beats in a measure (the time signature's upper number, over 4). */
  beatsPerMeasure: number;
}

const WIDTH = 720;
const MARGIN = 24;
const GAP = 10; // between staff lines
const SYSTEM_HEIGHT = 100;
const HEADER = 48;
const CLEF_WIDTH = 44;
const TIME_WIDTH = 26;
const BEAT_WIDTH = 34;
const INK = '#2b2118';

/**
 * Draws a melody as one treble staff per line of music, as a standalone SVG: clef, time
 * signature, note heads with stems, flags and dots, accidentals, ledger lines, rests and bar
 * lines. Hand-rolled: no font is needed (every glyph is a path), so it looks the same anywhere.
 */
export function renderSheetSvg(notes: readonly Note[], options: SheetOptions): string {
  const measures = splitMeasures(notes, options.beatsPerMeasure).map((m) => ({ notes: m, width: naturalWidth(m) }));
  const lineStart = MARGIN + CLEF_WIDTH + TIME_WIDTH;
  const usable = WIDTH - MARGIN - lineStart;
  // Fill each line with as many measures as fit at their natural width, then stretch them to the margin.
  const systems: (typeof measures)[] = [[]];
  let used = 0;
  for (const measure of measures) {
    const current = systems[systems.length - 1]!;
    if (current.length > 0 && used + measure.width > usable) systems.push([measure]), (used = measure.width);
    else current.push(measure), (used += measure.width);
  }
  const height = HEADER + systems.length * SYSTEM_HEIGHT + 8;

  const parts: string[] = [];
  parts.push(`<text x="${WIDTH / 2}" y="30" text-anchor="middle" font-family="Georgia, serif" font-size="20" fill="${INK}">${escapeHtml(options.title)}</text>`);
  systems.forEach((system, s) => {
    const top = HEADER + s * SYSTEM_HEIGHT + 24; // the top staff line
    const natural = system.reduce((sum, m) => sum + m.width, 0);
    // The last line keeps its natural spacing when it is short, rather than being pulled apart.
    const stretch = s === systems.length - 1 && natural < usable * 0.7 ? 1 : usable / natural;
    const right = lineStart + natural * stretch;
    for (let line = 0; line < 5; line++) parts.push(`<line x1="${MARGIN}" x2="${right}" y1="${top + line * GAP}" y2="${top + line * GAP}" stroke="${INK}" stroke-width="1"/>`);
    parts.push(`<line x1="${MARGIN}" x2="${MARGIN}" y1="${top}" y2="${top + 4 * GAP}" stroke="${INK}" stroke-width="1.2"/>`);
    parts.push(trebleClef(MARGIN + 16, top));
    if (s === 0) parts.push(timeSignature(MARGIN + CLEF_WIDTH + 6, top, options.beatsPerMeasure));
    let x = lineStart;
    system.forEach((measure, m) => {
      let at = x + MEASURE_PAD;
      for (const note of measure.notes) {
        at += (note.accidental ? ACCIDENTAL_ROOM : 0) * stretch;
        parts.push(note.step === undefined ? rest(at, top, note) : noteGlyph(at, top, note));
        at += noteWidth(note) * stretch;
      }
      x += measure.width * stretch;
      const last = s === systems.length - 1 && m === system.length - 1;
      if (last) parts.push(`<line x1="${x - 5}" x2="${x - 5}" y1="${top}" y2="${top + 4 * GAP}" stroke="${INK}" stroke-width="1"/><rect x="${x - 3}" y="${top}" width="3" height="${4 * GAP}" fill="${INK}"/>`);
      else parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${top + 4 * GAP}" stroke="${INK}" stroke-width="1"/>`);
    });
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Sheet music: ${escapeHtml(options.title)}">
<rect width="${WIDTH}" height="${height}" fill="#fffdf7"/>
${parts.join('\n')}
</svg>
`;
}

const MEASURE_PAD = 14;
const ACCIDENTAL_ROOM = 12;
/** Room after a note: proportional to its length, with a floor so short notes never touch. */
const noteWidth = (note: Note) => Math.max(20, note.beats * BEAT_WIDTH);
const naturalWidth = (notes: readonly Note[]) =>
  MEASURE_PAD + notes.reduce((sum, n) => sum + noteWidth(n) + (n.accidental ? ACCIDENTAL_ROOM : 0), 0);

/** Groups notes into measures of `beats` beats; a note never straddles a bar line here (seed melodies fit). */
function splitMeasures(notes: readonly Note[], beats: number): Note[][] {
  const measures: Note[][] = [[]];
  let filled = 0;
  for (const note of notes) {
    if (filled >= beats - 1e-9) measures.push([]), (filled = 0);
    measures[measures.length - 1]!.push(note);
    filled += note.beats;
  }
  return measures;
}

/** The y of a diatonic step: E4 (step 2) sits on the bottom line. */
const yOf = (top: number, step: number) => top + 4 * GAP - (step - 2) * (GAP / 2);

function noteGlyph(x: number, top: number, note: Note): string {
  const step = note.step ?? 6;
  const y = yOf(top, step);
  const out: string[] = [];
  // Ledger lines below (C4 and lower) and above (A5 and higher).
  for (let s = 0; s >= step; s -= 2) out.push(`<line x1="${x - 9}" x2="${x + 9}" y1="${yOf(top, s)}" y2="${yOf(top, s)}" stroke="${INK}" stroke-width="1"/>`);
  for (let s = 12; s <= step; s += 2) out.push(`<line x1="${x - 9}" x2="${x + 9}" y1="${yOf(top, s)}" y2="${yOf(top, s)}" stroke="${INK}" stroke-width="1"/>`);
  if (note.accidental === 1) out.push(sharp(x - 15, y));
  if (note.accidental === -1) out.push(flat(x - 14, y));
  const hollow = note.kind === 'w' || note.kind === 'h';
  out.push(`<ellipse cx="${x}" cy="${y}" rx="5.6" ry="4" transform="rotate(-20 ${x} ${y})" fill="${hollow ? '#fffdf7' : INK}" stroke="${INK}" stroke-width="${hollow ? 1.6 : 1}"/>`);
  if (note.kind !== 'w') {
    const up = step < 6;
    const sx = up ? x + 5 : x - 5;
    const end = up ? y - 32 : y + 32;
    out.push(`<line x1="${sx}" x2="${sx}" y1="${y + (up ? -1 : 1)}" y2="${end}" stroke="${INK}" stroke-width="1.3"/>`);
    if (note.kind === 'e') {
      out.push(up
        ? `<path d="M${sx} ${end} c 2 6 10 8 8 18 c 0 -6 -4 -9 -8 -11 z" fill="${INK}"/>`
        : `<path d="M${sx} ${end} c 2 -6 10 -8 8 -18 c 0 6 -4 9 -8 11 z" fill="${INK}"/>`);
    }
  }
  if (note.dotted) out.push(`<circle cx="${x + 10}" cy="${step % 2 === 0 ? y - GAP / 2 : y}" r="1.6" fill="${INK}"/>`);
  return out.join('');
}

function rest(x: number, top: number, note: Note): string {
  const mid = top + 2 * GAP;
  switch (note.kind) {
    case 'w':
      return `<rect x="${x - 6}" y="${top + GAP}" width="12" height="5" fill="${INK}"/>`;
    case 'h':
      return `<rect x="${x - 6}" y="${mid - 5}" width="12" height="5" fill="${INK}"/>`;
    case 'q':
      return `<path d="M${x - 2} ${mid - 15} l 6 7 l -5 6 l 6 7 c -5 -2 -8 0 -4 6 c -7 -3 -6 -9 0 -8 l -6 -6 l 5 -6 z" fill="${INK}"/>`;
    case 'e':
      return `<circle cx="${x - 3}" cy="${mid - 6}" r="2.4" fill="${INK}"/><path d="M${x - 3} ${mid - 4} c 3 1 6 0 7 -3 l -5 16" stroke="${INK}" stroke-width="1.3" fill="none"/>`;
  }
}

function sharp(x: number, y: number): string {
  return `<path d="M${x + 2} ${y - 8} v 16 M${x + 6} ${y - 9} v 16 M${x - 1} ${y - 2} l 10 -3 M${x - 1} ${y + 4} l 10 -3" stroke="${INK}" stroke-width="1.2" fill="none"/>`;
}

function flat(x: number, y: number): string {
  return `<path d="M${x} ${y - 14} v 18 c 5 -2 9 -6 6 -9 c -2 -2 -5 0 -6 2" stroke="${INK}" stroke-width="1.3" fill="none"/>`;
}

function timeSignature(x: number, top: number, beats: number): string {
  const digit = (d: number, y: number) => `<text x="${x}" y="${y}" text-anchor="middle" font-family="Georgia, serif" font-weight="bold" font-size="21" fill="${INK}">${d}</text>`;
  return digit(beats, top + 18) + digit(4, top + 38);
}

/** A treble clef drawn as one stroke: the curl around the G line, the stem, the top loop, the tail. */
function trebleClef(x: number, top: number): string {
  const g = top + 3 * GAP; // the G line
  return `<path d="M${x + 3} ${g + 2}
    c -5 -1 -5 -8 1 -9 c 7 -1 10 7 5 12 c -6 6 -17 2 -16 -8 c 1 -10 12 -16 17 -22
    c 5 -7 5 -18 0 -18 c -5 0 -7 10 -5 20 l 6 48 c 1 8 -8 10 -11 5 c -2 -4 3 -6 5 -3"
    stroke="${INK}" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
}
