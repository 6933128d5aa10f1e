"""Every problem of a ``SHELLAC`` setting, in the order of its keys: the worker keys as
``shellac.config.json`` has them (held to ``@shellac/cli`` by
``packages/protocol/vectors/config-problems.json``), plus the server's own keys."""
from .config_rules import boolean, check_keys, glob_list, obj, one_of, or_false, patterns, positive, problem, relative_path, strings, text, whole, PAGES
from .route_problems import routes


def app_shell_url(u, at, found):
    return None if isinstance(u, str) and u.startswith('/') else 'must be a path starting with "/"'


def logout_paths(v, at, found):
    ok = isinstance(v, (list, tuple)) and all(isinstance(p, str) and p != '' and not any(c in p for c in '*?#:') for p in v)
    return None if ok else 'must be an array of exact paths (such as "logout/"), without wildcards'


#: The keys of shellac.config.json, with their checks.
WORKER_KEYS = {
    'precache': glob_list,
    'precacheIgnore': glob_list,
    'maxFileSizeBytes': whole(1),
    'offlinePage': relative_path,
    'offlineImage': relative_path,
    'pages': or_false(obj(PAGES)),
    'routes': routes,
    'directoryIndex': text,
    'activate': one_of(['immediately', 'waiting']),
    'precacheConcurrency': whole(1),
    'debug': boolean,
    'statePage': boolean,
    'checkSeconds': whole(0),
    'inject': boolean,
    'appShell': obj({
        'url': app_shell_url, 'allow': patterns, 'deny': patterns, 'maxAgeSeconds': positive,
        'contentTimeoutSeconds': positive, 'perUser': boolean,
    }),
    'identity': obj({'logout': logout_paths}),
    'pack': or_false(obj({'maxBytes': whole(1)})),
    'save': obj({'concurrency': whole(1), 'also': strings('must be an array of URLs of the site (such as "offline/")')}),
    '$schema': text,
}


def config_problems(value, server_keys=None):
    """Every problem of a config object as dicts ``{key, problem[, value]}``; ``[]`` when valid.

    ``server_keys`` adds checks for keys beyond shellac.config.json's (Django's own).
    """
    if not isinstance(value, dict):
        return [problem('', 'must be a JSON object ({ "key": value, … })', value)]
    found = []
    check_keys(value, '', dict(WORKER_KEYS, **(server_keys or {})), found)
    return found
