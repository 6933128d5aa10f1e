from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations


def seed(apps, schema_editor):
    from songbook.seed import seed as fill
    fill(apps.get_model('songbook', 'Lesson'), apps.get_model(*settings.AUTH_USER_MODEL.split('.')), make_password)


class Migration(migrations.Migration):
    dependencies = [('songbook', '0001_initial'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
