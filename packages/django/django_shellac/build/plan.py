"""Plans a build: everything read and checked, nothing written (``plan-build.ts`` for a Django
static folder)."""
from ..protocol import FILES, WORKER_BANNER, RUNTIME_GLOBAL
from .globs import glob_filter
from .manifest import entry, hash_of_bytes, is_hashed_name, to_json, version_of
from .pack import write_pack
from .runtime import runtime, shipped
from .select import select_precache
from .worker_config import worker_config


class Planned:
    """A precached file as planned: its manifest entry, its size, its bytes on demand."""

    def __init__(self, entry_, size, body):
        self.entry = entry_
        self.size = size
        self.body = body


def planned_static(f):
    # Named by ManifestStaticFilesStorage after its bytes: its URL is its identity, unless the
    # name's hash happens to read as no hash (all digits), and then its bytes are hashed too.
    return Planned([f.url] if is_hashed_name(f.url) else [f.url, hash_of_bytes(f.read())], f.size, f.read)


def planned_shipped(name):
    data = shipped(name)
    return Planned(entry(name, data), len(data), lambda: data)


class BuildPlan:
    """A build ready to write: each output file's bytes, the manifest, the worker's config."""

    def __init__(self, files, manifest, config, precached_bytes, runtime_name, warnings):
        self.files = files
        self.manifest = manifest
        self.config = config
        self.precached_bytes = precached_bytes
        self.runtime_name = runtime_name
        self.warnings = warnings


def plan_build(config, static, shell_url, on_file=None):
    """The build of the collected ``static`` files under a ``config`` with defaults filled in."""
    selection = select_precache(static, config, glob_filter(config['precache'], config['precacheIgnore']), on_file)
    clients = [FILES['client'], FILES['shellClient']] + ([FILES['saveClient']] if config['save'] is not None else [])
    planned = [planned_static(f) for f in selection.precached] + [planned_shipped(name) for name in clients]
    planned.sort(key=lambda p: p.entry[0])
    entries = [p.entry for p in planned]
    version = version_of(entries)
    pack = write_pack(planned, config['pack']['maxBytes']) if config['pack'] is not False else None
    manifest = dict({'version': version, 'entries': entries}, **({'pack': pack[0]} if pack else {}))
    # The entries travel in sw.js; the manifest file keeps the version alone, which the worker's
    # look for updates reads once after every deploy (as `shellac build` writes them).
    # The pack is named by its bytes, never after the version: sw.js names it, or says there is none.
    worker = dict(worker_config(config, version, selection.fallbacks, shell_url), entries=entries, pack=pack[0] if pack else False)
    version_only = {'version': version}
    runtime_name, runtime_code = runtime()
    sw = '%simportScripts(%s);%s(%s);' % (WORKER_BANNER, to_json(runtime_name), RUNTIME_GLOBAL, to_json(worker))
    # shellac-clear.js is served but not precached (a page loads it only when no worker cleared).
    files = [(runtime_name, runtime_code)] + [(name, shipped(name)) for name in clients + [FILES['clearClient']]]
    files += ([pack] if pack else []) + [(FILES['manifest'], to_json(version_only).encode('utf-8')), (FILES['worker'], sw.encode('utf-8'))]
    return BuildPlan(files, manifest, worker, sum(p.size for p in planned), runtime_name, selection.warnings)
