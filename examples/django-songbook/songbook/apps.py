from django.apps import AppConfig


class SongbookConfig(AppConfig):
    name = 'songbook'
    default_auto_field = 'django.db.models.BigAutoField'
