"""The Songbook's data: lessons with their sheet music and audio clip, and practice lists."""
from django.conf import settings
from django.db import models

LEVELS = [('Beginner', 'Beginner'), ('Intermediate', 'Intermediate'), ('Advanced', 'Advanced')]


class Lesson(models.Model):
    title = models.CharField(max_length=120)
    composer = models.CharField(max_length=120)
    genre = models.CharField(max_length=60)
    level = models.CharField(max_length=20, choices=LEVELS)
    key = models.CharField(max_length=60)
    beats_per_measure = models.PositiveSmallIntegerField()
    tempo = models.PositiveSmallIntegerField()
    melody = models.TextField()
    notes = models.TextField(help_text='Paragraphs separated by blank lines.')
    # The lesson's files live in the database, made once when it is seeded; the ETags are
    # hashes of their bytes, so browsers keep copies that stay right.
    sheet_svg = models.TextField()
    sheet_etag = models.CharField(max_length=40)
    clip_wav = models.BinaryField()
    clip_etag = models.CharField(max_length=40)

    class Meta:
        ordering = ['id']

    def __str__(self):
        return self.title

    def paragraphs(self):
        return [p for p in self.notes.split('\n\n') if p.strip()]


class PracticeItem(models.Model):
    """A lesson someone keeps in their practice list."""
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name='practice')
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ['added_at', 'id']
        constraints = [models.UniqueConstraint(fields=['user', 'lesson'], name='one_practice_item_per_lesson')]
