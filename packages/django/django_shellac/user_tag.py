"""``X-Shellac-User``: a person named on the wire by a keyed hash of their id, never the id.

The bytes are those ``createUserTagger`` of ``@shellac/server`` computes for the same secret and
id (``packages/protocol/vectors/user-tags.json`` holds both sides to it).
"""
import base64
import hashlib
import hmac

from .errors import UserIdError
from .protocol import ANONYMOUS

#: 22 base64url characters are 132 bits: no two people of any site collide.
TAG_LENGTH = 22

#: A secret shorter than this is guessable offline from one tag and a known id.
MIN_SECRET_LENGTH = 16

#: What keys the tags when ``SHELLAC['secret']`` is not set: Django's ``salted_hmac`` of the
#: ``SECRET_KEY`` under this salt, so the tags never reuse the key itself.
KEY_SALT = 'django_shellac.user_tag'


def derive_secret(secret_key):
    """The tag secret derived from a Django ``SECRET_KEY`` (64 hex digits).

    ``HMAC-SHA256(key=SHA-256(KEY_SALT + secret_key), msg='')`` in hex: what
    ``django.utils.crypto.salted_hmac(KEY_SALT, '', secret_key, algorithm='sha256')`` gives,
    written out so any server sharing the ``SECRET_KEY`` can compute it.
    """
    key = hashlib.sha256((KEY_SALT + secret_key).encode('utf-8')).digest()
    return hmac.new(key, b'', hashlib.sha256).hexdigest()


def id_text(user_id):
    """The id as the tag hashes it: ``42`` and ``'42'`` are the same person; None is nobody."""
    if user_id is None or isinstance(user_id, str):
        return user_id
    if isinstance(user_id, int) and not isinstance(user_id, bool):
        return str(user_id)
    # An object would become its repr, a different text per instance or the same for everyone.
    raise UserIdError(
        'user-id',
        'Shellac user tags: the id should be a string or a whole number (or None for nobody '
        'signed in), not %s. Pass the user\'s id (user.pk), not the user object.' % type(user_id).__name__,
        value=type(user_id).__name__,
    )


def tag_under(secret, text):
    """One tag: the HMAC-SHA256 of the id's text under one secret, base64url, cut to 22."""
    digest = hmac.new(secret.encode('utf-8'), text.encode('utf-8'), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode('ascii').rstrip('=')[:TAG_LENGTH]


def user_tag(secrets, user_id):
    """The ``X-Shellac-User`` value for an id under the secrets, newest first.

    ``anonymous`` for None or an empty id; during a rotation (several secrets) the tag under
    each distinct secret, joined by ``', '``: a worker that knows any of them knows the person.
    """
    text = id_text(user_id)
    if not text:
        return ANONYMOUS
    unique = list(dict.fromkeys(secrets))
    return ', '.join(tag_under(secret, text) for secret in unique)
