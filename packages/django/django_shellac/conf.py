"""``settings.SHELLAC``, read once into explicit options.

The worker keys are those of ``shellac.config.json``; the server's own keys are listed in
:data:`SERVER_DEFAULTS`. ``manage.py check`` (and every start) validates them all.
"""
from django.conf import settings

from .user_tag import derive_secret

#: The server's keys and their defaults (the worker keys default as shellac.config.json's do).
SERVER_DEFAULTS = {
    # Keys the user tags; default: derived from SECRET_KEY (and SECRET_KEY_FALLBACKS).
    'secret': None,
    # Also send Clear-Site-Data on a logout: True is '"cache", "storage"', or a list of types.
    'clearSiteData': False,
    # The full page's base template, and the content-only one (`shellac_base_template`).
    'baseTemplate': 'base.html',
    'emptyTemplate': 'empty.html',
}

#: The storage types Clear-Site-Data defines (W3C Clear Site Data).
CLEAR_TYPES = ('cache', 'cookies', 'storage', 'executionContexts', '*')


def shellac_setting():
    """``settings.SHELLAC`` as given (``{}`` when absent)."""
    return getattr(settings, 'SHELLAC', {})


def secrets_from(secret):
    """The tag secrets, newest first: ``SHELLAC['secret']`` (a string, or a list while rotating),
    else derived from ``SECRET_KEY`` and, where Django has them, ``SECRET_KEY_FALLBACKS``."""
    if isinstance(secret, str):
        return [secret]
    if isinstance(secret, (list, tuple)) and secret:
        return list(secret)
    keys = [settings.SECRET_KEY] + list(getattr(settings, 'SECRET_KEY_FALLBACKS', []))
    return [derive_secret(key) for key in keys if key]


def clear_site_data_value(value):
    """The ``Clear-Site-Data`` header of a logout, or None."""
    if value is True:
        return '"cache", "storage"'
    if isinstance(value, (list, tuple)) and value:
        return ', '.join('"%s"' % t for t in value)
    return None


class ServerOptions:
    """What every request of one process shares, computed once from the settings (the
    middleware makes one; the views make one per request, which costs a few dict lookups)."""

    def __init__(self, setting):
        given = dict(SERVER_DEFAULTS, **(setting if isinstance(setting, dict) else {}))
        self.secrets = secrets_from(given['secret'])
        self.clear_site_data = clear_site_data_value(given['clearSiteData'])
        self.base_template = given['baseTemplate']
        self.empty_template = given['emptyTemplate']
        self.app_shell = isinstance(given.get('appShell'), dict)
        self.save = isinstance(given.get('save'), dict)

    @classmethod
    def from_settings(cls):
        return cls(shellac_setting())
