"""The configuration baked into ``sw.js`` (``workerConfig`` of ``plan-build.ts``, app mode)."""
from ..protocol import FILES, SHELL_PATH
from .defaults import DEFAULTS


def worker_config(config, version, fallbacks, shell_url):
    """The ``WorkerConfig`` of a Django site, keys in the order ``shellac build`` writes them.
    Identity is always on (a Django site's server tags its people); the shell's URL is where
    ``django_shellac.urls`` serves it, unless ``appShell.url`` says otherwise."""
    worker = {'version': version, 'manifest': FILES['manifest']}
    # '' says there is none: the runtime's default is ``offline.html``.
    worker['offlinePage'] = ''
    worker.update(fallbacks)
    if config['appShell'] is not None:
        shell = dict(config['appShell'])
        if 'url' not in shell and shell_url != SHELL_PATH:
            shell['url'] = shell_url
        worker['appShell'] = shell
    worker['identity'] = config['identity'] if config['identity'] is not None else {}
    if config['save'] is not None:
        worker['save'] = config['save']
    worker['pages'] = config['pages']
    if config['routes']:
        worker['routes'] = config['routes']
    worker.update(directoryIndex=config['directoryIndex'], activate=config['activate'], precacheConcurrency=config['precacheConcurrency'])
    if config['debug']:
        worker['debug'] = True
    # Defaults are the worker's own: sw.js carries only what differs.
    if not config['statePage']:
        worker['statePage'] = False
    if config['checkSeconds'] != DEFAULTS['checkSeconds']:
        worker['checkSeconds'] = config['checkSeconds']
    return worker
