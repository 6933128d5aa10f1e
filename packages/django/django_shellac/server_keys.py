"""The checks of the ``SHELLAC`` keys that are the server's own (not shellac.config.json's)."""
from .conf import CLEAR_TYPES
from .config_rules import text
from .user_tag import MIN_SECRET_LENGTH

SECRET_PROBLEM = (
    'must be a string of at least %d characters (try `python3 -c "import secrets; '
    'print(secrets.token_urlsafe(32))"`), read from the environment, or a list of them, newest '
    'first, while rotating it' % MIN_SECRET_LENGTH
)


def secret(v, at, found):
    good = lambda s: isinstance(s, str) and len(s) >= MIN_SECRET_LENGTH
    ok = good(v) or (isinstance(v, (list, tuple)) and len(v) > 0 and all(good(s) for s in v))
    return None if ok else SECRET_PROBLEM


def clear_site_data(v, at, found):
    ok = isinstance(v, bool) or (isinstance(v, (list, tuple)) and len(v) > 0 and all(t in CLEAR_TYPES for t in v))
    return None if ok else 'must be true, false, or a list of %s' % ', '.join('"%s"' % t for t in CLEAR_TYPES)


SERVER_KEYS = {
    'secret': secret,
    'clearSiteData': clear_site_data,
    'baseTemplate': text,
    'emptyTemplate': text,
}


def describe_value(key, value):
    """How a message shows a bad value: as Python writes it; a secret only by its shape."""
    if key == 'secret' or key.startswith('secret'):
        if isinstance(value, str):
            return 'a string of %d characters' % len(value)
        if isinstance(value, (list, tuple)):
            return 'a list of %d item(s)' % len(value)
        return type(value).__name__
    return repr(value)
