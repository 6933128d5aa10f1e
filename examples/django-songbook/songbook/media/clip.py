"""A lesson's audio clip: the melody played in a loop for thirty seconds, as a small WAV file.

8-bit mono at 8 kHz keeps a clip at 240 KB, so a browser can keep every clip a person opens. The
melody is synthesised once and the loop repeats its bytes, which keeps seeding quick in pure Python.
"""
import math
import struct

from .melody import frequency

RATE = 8000
SECONDS = 30
FADE = RATE  # the last second fades out, so a loop cut mid-phrase ends without a click


def tone(midi, length):
    """One note as samples from -1 to 1: a sine and its octave, with a soft start and a decay."""
    step = 2 * math.pi * frequency(midi) / RATE
    attack = RATE // 100
    out = []
    for n in range(length):
        shape = min(1.0, n / attack, (length - n) / attack) * math.exp(-3.0 * n / length)
        out.append(shape * (math.sin(step * n) + 0.3 * math.sin(2 * step * n)) / 1.3)
    return out


def one_pass(notes, tempo, beats_per_measure):
    """The melody once, then a bar of silence: the loop's unit, as 8-bit samples (128 is silence)."""
    per_beat = RATE * 60 / tempo
    samples = []
    for note in notes:
        length = round(note.beats * per_beat)
        samples += [0.0] * length if note.is_rest else tone(note.midi, length)
    samples += [0.0] * round(beats_per_measure * per_beat)
    return bytes(max(0, min(255, round(128 + 76 * s))) for s in samples)


def wav(samples):
    """A RIFF/WAVE file of unsigned 8-bit mono PCM (the data chunk padded to an even length)."""
    pad = len(samples) % 2
    header = b'RIFF' + struct.pack('<I', 36 + len(samples) + pad) + b'WAVE'
    header += b'fmt ' + struct.pack('<IHHIIHH', 16, 1, 1, RATE, RATE, 1, 8)
    header += b'data' + struct.pack('<I', len(samples))
    return header + samples + b'\x00' * pad


def render_clip(notes, tempo, beats_per_measure):
    """Exactly thirty seconds of the melody looped at the lesson's tempo."""
    unit = one_pass(notes, tempo, beats_per_measure)
    total = RATE * SECONDS
    looped = bytearray((unit * (total // len(unit) + 1))[:total])
    for i in range(total - FADE, total):
        looped[i] = round(128 + (looped[i] - 128) * (total - i) / FADE)
    return wav(bytes(looped))
