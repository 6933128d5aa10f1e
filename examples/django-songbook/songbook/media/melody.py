"""A lesson's melody, written as space-separated notes: ``E4q D4q C4h``.

A note is a letter (``A``–``G``), an optional ``#`` or ``b``, an octave and a duration letter
(``w`` 4 beats, ``h`` 2, ``q`` 1, ``e`` ½); a trailing ``.`` makes it half as long again. ``R``
instead of the pitch is a rest (``Rq``).
"""
import re
from typing import NamedTuple, Optional

NOTE = re.compile(r'^(?:(?P<letter>[A-G])(?P<sign>[#b]?)(?P<octave>[0-8])|R)(?P<kind>[whqe])(?P<dot>\.?)$')
BEATS = {'w': 4.0, 'h': 2.0, 'q': 1.0, 'e': 0.5}
LETTERS = 'CDEFGAB'
SEMITONES = (0, 2, 4, 5, 7, 9, 11)


class Note(NamedTuple):
    #: Staff position in steps above middle C (C4 = 0, D4 = 1 … C5 = 7); None for a rest.
    step: Optional[int]
    #: -1 flat, 0 natural, 1 sharp.
    accidental: int
    #: MIDI number (middle C = 60); None for a rest.
    midi: Optional[int]
    kind: str
    dotted: bool

    @property
    def beats(self):
        return BEATS[self.kind] * (1.5 if self.dotted else 1)

    @property
    def is_rest(self):
        return self.step is None


def parse_melody(text):
    """The notes of a melody; a token that is no note raises ValueError naming it."""
    notes = []
    for token in text.split():
        m = NOTE.match(token)
        if not m:
            raise ValueError('melody: %r is not a note' % token)
        kind, dotted = m.group('kind'), m.group('dot') == '.'
        if not m.group('letter'):
            notes.append(Note(None, 0, None, kind, dotted))
            continue
        index, octave = LETTERS.index(m.group('letter')), int(m.group('octave'))
        accidental = {'#': 1, 'b': -1}.get(m.group('sign'), 0)
        notes.append(Note((octave - 4) * 7 + index, accidental, (octave + 1) * 12 + SEMITONES[index] + accidental, kind, dotted))
    return notes


def frequency(midi):
    """Hertz of a MIDI note, tuned to A4 = 440 Hz."""
    return 440.0 * 2 ** ((midi - 69) / 12)
