"""The checks every key of a ``SHELLAC`` setting is held to: the rules of ``shellac.config.json``
(``config-problems.ts`` of ``@shellac/cli``), key for key and word for word."""
import math
import re

from .closest_word import closest_word

STRATEGIES = ['networkOnly', 'cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst']
CACHING = ['cacheOnly', 'cacheFirst', 'staleWhileRevalidate', 'networkFirst']
FETCHING = ['cacheFirst', 'staleWhileRevalidate', 'networkFirst']
CACHE_NAME = re.compile(r'^[A-Za-z0-9_-]{1,64}\Z')
#: Route keys that mean something only for some strategies.
ONLY_FOR = {
    'networkTimeoutSeconds': ['networkFirst'], 'cacheName': CACHING, 'maxEntries': CACHING, 'maxAgeSeconds': CACHING,
    'maxBytes': CACHING, 'statuses': FETCHING, 'cacheOpaque': FETCHING, 'perUser': CACHING,
}
#: Keys of earlier versions: a specific problem instead of "not a known key".
RENAMED = {'user': 'was renamed "identity" (same shape: { "logout": [...] }): rename the key'}
NO_VALUE = object()


def problem(key, text, value=NO_VALUE):
    """One problem: the key's path, what is wrong, and the value when the value is the problem."""
    return {'key': key, 'problem': text} if value is NO_VALUE else {'key': key, 'problem': text, 'value': value}


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def whole(minimum):
    ok = lambda v: is_number(v) and math.isfinite(v) and float(v).is_integer() and v >= minimum
    return lambda v, at, found: None if ok(v) else 'must be a whole number ≥ %d' % minimum


def positive(v, at, found):
    return None if is_number(v) and math.isfinite(v) and v > 0 else 'must be a number above 0'


def text(v, at, found):
    return None if isinstance(v, str) and v.strip() != '' else 'must be a non-empty string'


def boolean(v, at, found):
    return None if isinstance(v, bool) else 'must be true or false'


def one_of(values):
    listed = ', '.join('"%s"' % x for x in values)
    return lambda v, at, found: None if isinstance(v, str) and v in values else 'must be one of %s' % listed


def strings(text_of_problem):
    ok = lambda v: isinstance(v, (list, tuple)) and all(isinstance(g, str) and g != '' for g in v)
    return lambda v, at, found: None if ok(v) else text_of_problem


def relative_path(v, at, found):
    wrong = text(v, at, found)
    if wrong:
        return wrong
    outside = re.search(r'^(/|[a-z]+:)|(^|/)\.\.(/|\Z)', v, re.IGNORECASE)
    return 'must be a path inside the site (no leading "/", no "..")' if outside else None


def or_null(check):
    return lambda v, at, found: None if v is None else check(v, at, found)


def obj(shape):
    return lambda v, at, found: check_keys(v, at, shape, found) if isinstance(v, dict) else 'must be an object'


def check_keys(value, at, shape, found):
    """Checks every key of ``value`` against ``shape``; unknown keys get a "did you mean"."""
    for key, v in value.items():
        path = '%s.%s' % (at, key) if at else key
        check = shape.get(key)
        if check is None:
            hint = closest_word(key, [k for k in shape if k != '$schema'])
            renamed = None if at else RENAMED.get(key)
            found.append(problem(path, renamed or 'is not a known key%s' % (' (did you mean "%s"?)' % hint if hint else '')))
            continue
        wrong = check(v, path, found)
        if wrong:
            found.append(problem(path, wrong, v))


def statuses(v, at, found):
    ok = isinstance(v, (list, tuple)) and len(v) > 0 and all(is_number(s) and float(s).is_integer() and 100 <= s <= 599 for s in v)
    return None if ok else 'must be a non-empty array of HTTP statuses'


LIMITS = {'maxEntries': whole(1), 'maxAgeSeconds': positive, 'maxBytes': whole(1)}
PAGES = {'maxEntries': or_null(LIMITS['maxEntries']), 'maxAgeSeconds': or_null(positive), 'maxBytes': or_null(LIMITS['maxBytes']), 'networkTimeoutSeconds': positive}
ROUTE = dict(
    LIMITS,
    match=text,
    strategy=one_of(STRATEGIES),
    cacheName=lambda v, at, found: None if isinstance(v, str) and CACHE_NAME.match(v) else 'must be 1-64 letters, digits, "-" or "_"',
    destination=one_of(['audio', 'document', 'font', 'image', 'manifest', 'script', 'style', 'track', 'video', 'worker']),
    networkTimeoutSeconds=positive,
    cacheOpaque=boolean,
    perUser=boolean,
    statuses=statuses,
)


def or_false(check):
    """``pages`` and ``pack`` may be false: turned off."""
    return lambda v, at, found: None if v is False else check(v, at, found)


glob_list = strings('must be an array of glob strings')
patterns = strings('must be an array of route patterns (such as "lessons/*")')
