"""The seed data: thirty public-domain tunes and exercises, and two users (alice and bob,
password "songbook"). The lessons' texts are in data/lessons.json; their sheet music and clips
are made here from each melody."""
import hashlib
import json
import os

from .media.clip import render_clip
from .media.melody import parse_melody
from .media.sheet import render_sheet

USERS = ('alice', 'bob')
PASSWORD = 'songbook'
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'lessons.json')

ADVICE = {
    'Beginner': 'If you are new to reading music, say each note name aloud before you play it, then clap the rhythm once.',
    'Intermediate': 'Play the whole piece through once without stopping, wrong notes and all, to feel its shape; then fix the hard bars one at a time.',
    'Advanced': 'Set a metronome to two thirds of the target tempo, and only speed up a few beats when a passage comes out clean three times running.',
}


def notes_text(lesson):
    return '\n\n'.join([
        lesson['about'],
        'This lesson is in %s, in %d/4 time, at about %d beats per minute. %s' % (lesson['key'], lesson['beats_per_measure'], lesson['tempo'], ADVICE[lesson['level']]),
        'What to focus on: %s. The audio clip loops the melody at this tempo for half a minute, with a bar of rest between passes: '
        'listen once, then play along, and skip back to the bar that needs work.' % lesson['focus'],
        'Short, regular practice beats long, rare sessions: ten focused minutes a day do more than an hour once a week. '
        'The practice timer below keeps you honest, and your practice list keeps this lesson at hand.',
    ])


def etag(data):
    return '"%s"' % hashlib.sha256(data).hexdigest()[:16]


def lesson_rows():
    """Every lesson's fields, files included."""
    with open(DATA, encoding='utf-8') as f:
        lessons = json.load(f)
    for lesson in lessons:
        notes = parse_melody(lesson['melody'])
        sheet = render_sheet(lesson['title'], notes, lesson['beats_per_measure'])
        clip = render_clip(notes, lesson['tempo'], lesson['beats_per_measure'])
        fields = {k: lesson[k] for k in ('title', 'composer', 'genre', 'level', 'key', 'beats_per_measure', 'tempo', 'melody')}
        yield dict(fields, notes=notes_text(lesson), sheet_svg=sheet, sheet_etag=etag(sheet.encode('utf-8')), clip_wav=clip, clip_etag=etag(clip))


def seed(lesson_model, user_model, make_password):
    """Fills empty tables (a data migration calls it with its historical models)."""
    if not lesson_model.objects.exists():
        lesson_model.objects.bulk_create(lesson_model(**row) for row in lesson_rows())
    for name in USERS:
        if not user_model.objects.filter(username=name).exists():
            user_model.objects.create(username=name, password=make_password(PASSWORD))
