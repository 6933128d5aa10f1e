"""The worker runtime and the page scripts this package ships, prebuilt from the TypeScript
sources by the repository's build (``scripts/build.mjs``): a Django project needs no Node."""
import os
import re

from ..protocol import FILES
from ..errors import BuildError

RUNTIME_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'runtime')
RUNTIME_NAME = re.compile(r'^shellac-runtime\.[0-9a-f]+\.js\Z')


def shipped(name):
    """The bytes of a shipped file (``shellac.js``, ``shellac-shell.js``, ``shellac-save.js``)."""
    try:
        with open(os.path.join(RUNTIME_DIR, name), 'rb') as f:
            return f.read()
    except OSError:
        raise BuildError('runtime', '%s is missing from %s: reinstall django-shellac.' % (name, RUNTIME_DIR), file=os.path.join(RUNTIME_DIR, name))


def runtime():
    """``(name, bytes)`` of the worker runtime: every feature and strategy, content-hashed,
    the same file ``shellac build`` writes for a config that uses them all."""
    names = [n for n in os.listdir(RUNTIME_DIR) if RUNTIME_NAME.match(n)] if os.path.isdir(RUNTIME_DIR) else []
    if len(names) != 1:
        raise BuildError('runtime', '%s should hold one shellac-runtime.<hash>.js, not %d: reinstall django-shellac.' % (RUNTIME_DIR, len(names)), file=RUNTIME_DIR)
    return names[0], shipped(names[0])


CLIENTS = (FILES['client'], FILES['shellClient'], FILES['saveClient'], FILES['clearClient'])
