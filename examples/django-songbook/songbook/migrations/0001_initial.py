from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Lesson',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=120)),
                ('composer', models.CharField(max_length=120)),
                ('genre', models.CharField(max_length=60)),
                ('level', models.CharField(choices=[('Beginner', 'Beginner'), ('Intermediate', 'Intermediate'), ('Advanced', 'Advanced')], max_length=20)),
                ('key', models.CharField(max_length=60)),
                ('beats_per_measure', models.PositiveSmallIntegerField()),
                ('tempo', models.PositiveSmallIntegerField()),
                ('melody', models.TextField()),
                ('notes', models.TextField(help_text='Paragraphs separated by blank lines.')),
                ('sheet_svg', models.TextField()),
                ('sheet_etag', models.CharField(max_length=40)),
                ('clip_wav', models.BinaryField()),
                ('clip_etag', models.CharField(max_length=40)),
            ],
            options={'ordering': ['id']},
        ),
        migrations.CreateModel(
            name='PracticeItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('added_at', models.DateTimeField(auto_now_add=True)),
                ('lesson', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='songbook.lesson')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='practice', to=settings.AUTH_USER_MODEL)),
            ],
            options={'ordering': ['added_at', 'id']},
        ),
        migrations.AddConstraint(
            model_name='practiceitem',
            constraint=models.UniqueConstraint(fields=('user', 'lesson'), name='one_practice_item_per_lesson'),
        ),
    ]
