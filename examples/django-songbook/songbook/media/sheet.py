"""A lesson's sheet music: the melody on treble staves, drawn as a standalone SVG.

Shapes only (note heads, stems, flags, rests, a drawn clef), so it looks the same with any
fonts; the title and the time signature are the only text.
"""
from django.utils.html import escape

WIDTH, LEFT, RIGHT = 720, 20, 700
GAP = 9                 # between two staff lines: a step (line to space) is half of it
SYSTEM = 96             # height of one line of music
TOP = 56                # the first staff's top line
START = LEFT + 62       # where the notes of a line begin (after the clef and time)
PER_BEAT = 44           # width of a beat at natural spacing
INK = '#2b2118'


def y_of(top, step):
    """The staff position of a step (C4 = 0) on a staff whose top line (F5, step 10) is at ``top``."""
    return top + (10 - step) * GAP / 2


def measures(notes, beats_per_measure):
    """The notes cut into bars of ``beats_per_measure`` beats (the last may be short)."""
    bars, bar, count = [], [], 0.0
    for note in notes:
        bar.append(note)
        count += note.beats
        if count >= beats_per_measure - 1e-9:
            bars.append(bar)
            bar, count = [], 0.0
    return bars + ([bar] if bar else [])


def width_of(bar):
    return 16 + sum(max(22, note.beats * PER_BEAT) + (10 if note.accidental else 0) for note in bar)


def systems_of(bars):
    """Bars laid out line by line, as many on each line as fit."""
    lines, used = [[]], 0
    for bar in bars:
        w = width_of(bar)
        if lines[-1] and used + w > RIGHT - START:
            lines.append([])
            used = 0
        lines[-1].append(bar)
        used += w
    return lines


def head(x, y, note):
    hollow = note.kind in ('w', 'h')
    fill = 'none' if hollow else INK
    out = ['<ellipse cx="%.1f" cy="%.1f" rx="5.6" ry="4" transform="rotate(-20 %.1f %.1f)" fill="%s" stroke="%s" stroke-width="1.6"/>' % (x, y, x, y, fill, INK)]
    if note.kind != 'w':
        up = note.step < 6
        sx = x + 5 if up else x - 5
        sy = y - 30 if up else y + 30
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.3"/>' % (sx, y, sx, sy, INK))
        if note.kind == 'e':
            d = 1 if up else -1
            out.append('<path d="M%.1f %.1f q 9 %d 7 %d" fill="none" stroke="%s" stroke-width="2"/>' % (sx, sy, 10 * d, 20 * d, INK))
    if note.dotted:
        out.append('<circle cx="%.1f" cy="%.1f" r="1.8" fill="%s"/>' % (x + 10, y - (0 if note.step % 2 else 3), INK))
    return out


def accidental(x, y, sign):
    if sign > 0:  # sharp: two uprights crossed by two rising bars
        return ['<path d="M%.1f %.1f v16 M%.1f %.1f v16 M%.1f %.1f l10 -3 M%.1f %.1f l10 -3" stroke="%s" stroke-width="1.3"/>'
                % (x - 3, y - 8, x + 2, y - 9, x - 6, y - 1, x - 6, y + 5, INK)]
    return ['<path d="M%.1f %.1f v17 q 9 -7 0 -9" fill="none" stroke="%s" stroke-width="1.4"/>' % (x - 4, y - 12, INK)]


def ledgers(x, top, step):
    lines = list(range(0, step - 1, -2)) if step <= 0 else list(range(12, step + 1, 2)) if step >= 12 else []
    return ['<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>' % (x - 9, x + 9, y_of(top, s), y_of(top, s), INK) for s in lines]


def rest(x, top, note):
    mid = y_of(top, 6)
    if note.kind == 'w':
        return ['<rect x="%.1f" y="%.1f" width="11" height="5" fill="%s"/>' % (x - 5, y_of(top, 8), INK)]
    if note.kind == 'h':
        return ['<rect x="%.1f" y="%.1f" width="11" height="5" fill="%s"/>' % (x - 5, mid - 5, INK)]
    if note.kind == 'q':
        return ['<path d="M%.1f %.1f l5 6 l-5 5 l5 6 q-7 -2 -2 6" fill="none" stroke="%s" stroke-width="2.2"/>' % (x - 2, mid - 12, INK)]
    return ['<path d="M%.1f %.1f l-5 14 M%.1f %.1f q-2 4 -6 1" fill="none" stroke="%s" stroke-width="1.6"/><circle cx="%.1f" cy="%.1f" r="2" fill="%s"/>'
            % (x + 3, mid - 5, x + 3, mid - 5, INK, x - 3, mid - 5, INK)]


def staff(top, right, first, beats_per_measure):
    out = ['<line x1="%d" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>' % (LEFT, right, top + i * GAP, top + i * GAP, INK) for i in range(5)]
    # A treble clef, drawn: the curl around G4 (second line) and the tall stroke through the staff.
    g = y_of(top, 4)
    out.append('<path d="M%d %.1f c -12 -6 -2 -18 6 -12 c 8 6 -2 16 -10 10 c -10 -8 2 -26 10 -34 c 6 -6 4 -16 -2 -12 c -6 4 -4 40 -2 54 c 1 6 -6 8 -8 3" '
               'fill="none" stroke="%s" stroke-width="2"/>' % (LEFT + 18, g, INK))
    if first:
        for number, step in ((beats_per_measure, 8), (4, 4)):
            out.append('<text x="%d" y="%.1f" text-anchor="middle" font-family="Georgia, serif" font-weight="bold" font-size="17" fill="%s">%d</text>'
                       % (LEFT + 46, y_of(top, step) + 6, INK, number))
    return out


def render_sheet(title, notes, beats_per_measure):
    """The sheet music of a melody as SVG text."""
    lines = systems_of(measures(notes, beats_per_measure))
    height = TOP + len(lines) * SYSTEM
    parts = ['<text x="%d" y="30" text-anchor="middle" font-family="Georgia, serif" font-size="20" fill="%s">%s</text>' % (WIDTH // 2, INK, escape(title))]
    for i, bars in enumerate(lines):
        top = TOP + i * SYSTEM
        natural = sum(width_of(b) for b in bars)
        stretch = (RIGHT - START) / natural if i < len(lines) - 1 or natural > 0.7 * (RIGHT - START) else 1
        x = START
        right = START + natural * stretch
        parts += staff(top, right, i == 0, beats_per_measure)
        for b, bar in enumerate(bars):
            at = x + 12 * stretch
            for note in bar:
                at += (10 if note.accidental else 0) * stretch
                if note.is_rest:
                    parts += rest(at, top, note)
                else:
                    y = y_of(top, note.step)
                    parts += ledgers(at, top, note.step) + (accidental(at - 10, y, note.accidental) if note.accidental else []) + head(at, y, note)
                at += max(22, note.beats * PER_BEAT) * stretch
            x += width_of(bar) * stretch
            last = i == len(lines) - 1 and b == len(bars) - 1
            parts.append('<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="%s" stroke-width="%s"/>' % (x, x, top, top + 4 * GAP, INK, '3' if last else '1.2'))
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="Sheet music: %s">'
            '<rect width="100%%" height="100%%" fill="#fffdf8"/>%s</svg>\n' % (WIDTH, height, WIDTH, height, escape(title), ''.join(parts)))
