"""Routes that cannot work as written (``route-warnings.ts`` of ``@shellac/cli``): a route
matching precached files never sees them, the precache answers first."""
import re
from urllib.parse import urlsplit


def path_pattern(path):
    """A route's path pattern (``path-pattern.ts``): ``:name`` one segment, ``*`` anything."""
    parts = re.split(r'(:[A-Za-z_][A-Za-z0-9_]*|\*)', path)
    source = ''.join('(.*)' if p == '*' else '([^/]+)' if p.startswith(':') else re.escape(p) for p in parts)
    return re.compile('^%s\\Z' % source)


def route_warnings(routes, precached):
    warnings = []
    for i, route in enumerate(routes):
        match = route['match']
        if urlsplit(match).netloc:
            continue  # another origin (a CDN) never sees the site's own files
        regex = path_pattern(match if match.startswith('/') else '/' + match)
        shadowed = [f for f in precached if regex.match(urlsplit(f.url).path)]
        if shadowed:
            warnings.append('routes[%d] ("%s") matches %d precached file(s), e.g. %s: the precache answers those first, so this '
                            'route never sees them. Add them to "precacheIgnore" to route them.' % (i, match, len(shadowed), shadowed[0].name))
    return warnings
