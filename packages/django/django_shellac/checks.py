"""System checks (``manage.py check``, and every start): ``SHELLAC``, its templates, and that the
middleware, the URLs and Django's manifest storage are in place."""
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from .conf import SERVER_DEFAULTS, shellac_setting
from .config_problems import config_problems
from .server_keys import SERVER_KEYS, describe_value

MIDDLEWARE = 'django_shellac.middleware.ShellacMiddleware'
HINT = 'settings.SHELLAC takes the keys of shellac.config.json and the server keys secret, clearSiteData, baseTemplate and emptyTemplate.'


def problem_message(p):
    where = '"%s"' % p['key'] if p['key'] else 'the setting'
    got = ', got %s' % describe_value(p['key'], p['value']) if 'value' in p else ''
    return 'SHELLAC: %s %s%s.' % (where, p['problem'], got)


@register()
def check_setting(app_configs=None, **kwargs):
    """E001: every problem of ``settings.SHELLAC``, each naming its key and the bad value."""
    setting = shellac_setting()
    if not isinstance(setting, dict):
        return [Error('SHELLAC must be a dict, got %s.' % describe_value('', setting), hint=HINT, id='django_shellac.E001')]
    return [Error(problem_message(p), hint=HINT, id='django_shellac.E001') for p in config_problems(setting, SERVER_KEYS)]


@register(Tags.templates)
def check_templates(app_configs=None, **kwargs):
    """E002: the base and empty templates exist and load."""
    setting = shellac_setting()
    if not isinstance(setting, dict):
        return []
    errors = []
    for key in ('baseTemplate', 'emptyTemplate'):
        name = setting.get(key, SERVER_DEFAULTS[key])
        if not isinstance(name, str) or not name.strip():
            continue  # E001 says so
        try:
            get_template(name)
        except TemplateDoesNotExist:
            errors.append(Error('SHELLAC: "%s" names the template %r, which does not exist.' % (key, name),
                                hint='Create it, or set SHELLAC["%s"] to the template your pages extend.' % key, id='django_shellac.E002'))
        except TemplateSyntaxError as error:
            errors.append(Error('SHELLAC: "%s": the template %r does not load: %s' % (key, name, error), id='django_shellac.E002'))
    return errors


@register()
def check_middleware(app_configs=None, **kwargs):
    """W001: the middleware is in ``MIDDLEWARE``."""
    if MIDDLEWARE in (getattr(settings, 'MIDDLEWARE', None) or []):
        return []
    return [Warning('django_shellac is installed but its middleware is not: no page gets the protocol\'s headers.',
                    hint="Add MIDDLEWARE += ['%s']." % MIDDLEWARE, id='django_shellac.W001')]


@register(Tags.urls)
def check_urls(app_configs=None, **kwargs):
    """W002: Shellac's URLs are routed."""
    try:
        reverse('shellac:shell')
        return []
    except NoReverseMatch:
        return [Warning("Shellac's URLs are not routed: /sw.js, the scripts and the shell answer 404.",
                        hint="Add urlpatterns += [path('', include('django_shellac.urls'))] to the root urls.py.", id='django_shellac.W002')]


@register(Tags.staticfiles)
def check_storage(app_configs=None, **kwargs):
    """W003: static files are named by their content (ManifestStaticFilesStorage or a subclass)."""
    from django.apps import apps
    if not apps.is_installed('django.contrib.staticfiles'):
        return []
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
    if isinstance(staticfiles_storage, ManifestFilesMixin):  # the lazy storage passes isinstance on to its object
        return []
    return [Warning('Static files are not stored by ManifestStaticFilesStorage: their URLs carry no content hash, '
                    'and shellac_build cannot read which files there are.',
                    hint='Use django.contrib.staticfiles.storage.ManifestStaticFilesStorage (STORAGES["staticfiles"] '
                         'from Django 4.2, STATICFILES_STORAGE before).', id='django_shellac.W003')]
