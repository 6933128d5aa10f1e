"""Which collected files are precached (``select-precache.ts`` of ``@shellac/cli``), and the
offline page and image the worker falls back to."""
from ..errors import BuildError
from .route_warnings import route_warnings

CONFIG = 'settings.SHELLAC'


def kib(n):
    return '%.1f KiB' % (n / 1024)


class Selection:
    def __init__(self, precached, fallbacks, warnings):
        self.precached = precached
        self.fallbacks = fallbacks
        self.warnings = warnings


def fallbacks_of(by_name, config):
    """The offline page and image: URLs of collected files. The offline page only when the
    static files have one, or the setting names one (then it must exist): in app-shell mode the
    shell answers offline navigations."""
    found, problems = {}, []
    for key in ('offlinePage', 'offlineImage'):
        name = config[key]
        if not name:
            continue
        if name in by_name:
            found[key] = by_name[name]
        elif key == 'offlineImage' or config['offlinePageGiven']:
            problems.append('SHELLAC: "%s" is not a collected static file, got %r' % (key, name))
    return found, problems


def select_precache(static, config, wanted, on_file=None):
    """The files to precache: those the globs name and the fallbacks, up to ``maxFileSizeBytes``
    (a larger one is a warning, or a problem when it is a fallback). Raises :class:`BuildError`
    with every problem at once."""
    by_name = {f.name: f for f in static}
    fallbacks, problems = fallbacks_of(by_name, config)
    required = {f.name for f in fallbacks.values()}
    precached, warnings, limit = [], [], config['maxFileSizeBytes']
    for i, f in enumerate(static):
        if on_file:
            on_file(i + 1, f.size, len(static))
        if f.name not in required and not wanted(f.name):
            continue
        if f.size <= limit:
            precached.append(f)
            continue
        what = '%s is %s, above maxFileSizeBytes (%s)' % (f.name, kib(f.size), kib(limit))
        if f.name in required:
            problems.append('%s: %s; it must be precached. Shrink it or raise "maxFileSizeBytes" in %s.' % (f.path, what, CONFIG))
        else:
            warnings.append('%s: not precached (it still loads from the network). Raise "maxFileSizeBytes" in %s or add it to "precacheIgnore" to silence this.' % (what, CONFIG))
    if problems:
        raise BuildError('site', problems[0] if len(problems) == 1 else '%d problems; nothing was written:\n%s' % (len(problems), '\n'.join('  ' + p for p in problems)))
    urls = {key: f.url for key, f in fallbacks.items()}
    return Selection(precached, urls, warnings + route_warnings(config['routes'], precached))
