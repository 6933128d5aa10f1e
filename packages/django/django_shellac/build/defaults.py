"""The worker keys' defaults: ``DEFAULT_CONFIG`` of ``@shellac/cli`` (build-config.ts)."""
import copy

DEFAULTS = {
    'precache': ['**/*.{css,js,mjs,woff,woff2,ttf,otf,svg,png,jpg,jpeg,gif,webp,avif,ico}'],
    'precacheIgnore': [],
    'maxFileSizeBytes': 2 * 1024 * 1024,
    'offlinePage': 'offline.html',
    'offlineImage': None,
    'pages': {'maxEntries': 200, 'maxAgeSeconds': 30 * 24 * 3600, 'maxBytes': 50 * 1024 * 1024, 'networkTimeoutSeconds': 3},
    'routes': [],
    'directoryIndex': 'index.html',
    'activate': 'immediately',
    'precacheConcurrency': 8,
    'debug': False,
    'appShell': None,
    'identity': None,
    'save': None,
    'pack': {'maxBytes': 10 * 1024 * 1024},
    'statePage': True,
    'checkSeconds': 300,
}


def with_defaults(given):
    """A valid ``SHELLAC`` with the defaults filled in; in ``pages``, None removes a default limit."""
    config = dict(copy.deepcopy(DEFAULTS), **{k: v for k, v in given.items() if k in DEFAULTS})
    if given.get('pages') is not False:
        merged = dict(DEFAULTS['pages'], **(given.get('pages') or {}))
        config['pages'] = {k: v for k, v in merged.items() if v is not None}
    if given.get('pack') is not False:
        config['pack'] = dict(DEFAULTS['pack'], **(given.get('pack') or {}))
    config['offlinePageGiven'] = 'offlinePage' in given
    return config
