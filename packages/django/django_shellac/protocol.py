"""The wire contract's names, as ``packages/protocol/src`` spells them.

The tests check every name here against ``packages/protocol/vectors/names.json``, which the
TypeScript tests check against the protocol itself: one spelling on both sides.
"""
import re

#: Query parameter that asks for a page's content alone, without the base template.
APPSHELL_PARAM = 'from_appshell'

#: Header names on the wire.
HEADER = {
    'navigationPreload': 'Service-Worker-Navigation-Preload',
    'content': 'X-Shellac-Content',
    'title': 'X-Shellac-Title',
    'shell': 'X-Shellac-Shell',
    'user': 'X-Shellac-User',
    'stored': 'X-Shellac-Stored',
    #: Set by the worker on what its app rendered (value ``worker``); the server never sends it.
    'rendered': 'X-Shellac-Rendered',
}

#: The navigation preload header value that asks for the content alone.
PRELOAD_CONTENT = 'content'

#: The user tag of nobody signed in.
ANONYMOUS = 'anonymous'

#: Where the shell is served.
SHELL_PATH = '/__shell'

#: The attribute that marks the content region.
CONTENT_ATTR = 'data-shellac-content'

#: The page under the scope where the worker tells its state.
STATE_PATH = '__shellac/state'

#: Reserved path segment under the scope (the worker's keys and its own pages).
RESERVED_PATH = '__shellac/'

#: Names the build writes next to the site.
FILES = {
    'worker': 'sw.js',
    'client': 'shellac.js',
    'manifest': 'shellac-manifest.json',
    'offline': 'offline.html',
    'assets': 'shellac-assets.json',
    'shellClient': 'shellac-shell.js',
    'saveClient': 'shellac-save.js',
    'clearClient': 'shellac-clear.js',
}

#: The function the runtime defines on the worker's global scope, which ``sw.js`` calls.
RUNTIME_GLOBAL = 'shellac'

#: Characters of base64url SHA-256 a manifest entry carries.
HASH_LENGTH = 8

#: Sign-out paths a worker watches by default (relative to its scope).
LOGOUT_PATHS = ['logout', 'logout/', 'signout', 'sign_out', 'accounts/logout/', 'users/sign_out']

#: Starts every ``sw.js`` Shellac writes, so a build recognises its own.
WORKER_BANNER = '/* shellac sw */'


def runtime_file(digest):
    """The runtime file's name, content-hashed: ``shellac-runtime.<hash>.js``."""
    return 'shellac-runtime.%s.js' % digest


def pack_file(digest):
    """The pack file's name, content-hashed: ``shellac-pack.<hash>.bin``."""
    return 'shellac-pack.%s.bin' % digest


BUILD_HASHED = re.compile(r'^shellac-(?:runtime\.[0-9a-f]+\.js|pack\.[0-9a-f]+\.bin)\Z')


def is_build_hashed_file(name):
    """True for the name of a runtime or a pack file, which never change (served immutable)."""
    return bool(BUILD_HASHED.match(name))
