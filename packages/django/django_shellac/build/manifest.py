"""The precache manifest's rules (``packages/protocol/src/manifest.ts``)."""
import base64
import hashlib
import json
import re

from ..protocol import HASH_LENGTH


def hash_of_bytes(data):
    """An entry's hash: the first 6 bytes of the body's SHA-256 in base64url (8 characters)."""
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()[:6]).decode('ascii')


def to_json(value):
    """JSON as JavaScript's ``JSON.stringify`` writes it: no spaces, non-ASCII as is."""
    return json.dumps(value, separators=(',', ':'), ensure_ascii=False)


def version_of(entries):
    """The manifest version: the first 16 hex digits of the SHA-256 of the entries' JSON."""
    return hashlib.sha256(to_json(entries).encode('utf-8')).hexdigest()[:16]


HASH_SEGMENT = re.compile(r'[.-]([0-9a-zA-Z_]{8,})\.[a-z0-9]+\Z', re.IGNORECASE)
PAGE = re.compile(r'\.html?\Z', re.IGNORECASE)


def is_hashed_name(path):
    """True for a file name that carries a content hash (``app.3f9a1c2b.js``): the segment
    before the extension has 8 or more letters, digits or ``_``, with a digit and a letter.
    Such a file is precached by its URL alone. Pages never are."""
    name = re.split(r'[?#]', path[path.rfind('/') + 1:])[0]
    if PAGE.search(name):
        return False
    found = HASH_SEGMENT.search(name)
    digest = found.group(1) if found else ''
    return bool(re.search(r'[0-9]', digest)) and bool(re.search(r'[a-zA-Z]', digest))


def entry(url, data):
    """One manifest entry: ``[url]`` when the name carries its hash, else ``[url, hash]``."""
    return [url] if is_hashed_name(url) else [url, hash_of_bytes(data)]


assert HASH_LENGTH == 8  # hash_of_bytes: 6 bytes are 8 base64 characters
