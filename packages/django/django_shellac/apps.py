"""The Django app: ``INSTALLED_APPS += ['django_shellac']``."""
from django.apps import AppConfig
from django.conf import settings
from django.core.signals import setting_changed


def templates_changed(setting, value, **kwargs):
    """A new ``TEMPLATES`` (a test's ``override_settings``) gets the context processor too."""
    if setting == 'TEMPLATES' and value:
        from .context_processors import add_to_engines
        add_to_engines(value)


class ShellacConfig(AppConfig):
    name = 'django_shellac'
    verbose_name = 'Shellac'

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from . import checks  # noqa: F401 (registers the system checks)
        from .context_processors import add_to_engines
        from .signals import mark_logged_out

        add_to_engines(settings.TEMPLATES)
        setting_changed.connect(templates_changed, dispatch_uid='django_shellac.templates')
        user_logged_out.connect(mark_logged_out, dispatch_uid='django_shellac.logout')
