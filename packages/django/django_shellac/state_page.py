"""``/__shellac/state`` when no worker answers it: what the server has deployed."""
import json
import os

from django.http import HttpResponse

from .build_files import build_dir
from .protocol import FILES, RUNTIME_GLOBAL, is_build_hashed_file

NO_WORKER = ('No Shellac worker answered this page, so the server did: this browser has no worker '
             'controlling this site yet (a first visit, a private window, a cleared site), or the '
             "worker's state page is turned off.")


def worker_config_of(sw):
    """The configuration ``sw.js`` starts the runtime with: the argument of ``shellac(…);``."""
    start = sw.index(RUNTIME_GLOBAL + '({') + len(RUNTIME_GLOBAL) + 1
    return json.loads(sw[start:sw.rindex(')')])


def deployed():
    """What ``shellac_build`` left in ``STATIC_ROOT``: the manifest's version, its entries, the
    pack and the runtime (None for what is missing)."""
    folder = build_dir()
    found = {'buildDir': folder, 'version': None, 'entries': None, 'pack': None, 'runtime': None}
    if not folder or not os.path.isdir(folder):
        return found
    try:
        with open(os.path.join(folder, FILES['manifest']), encoding='utf-8') as f:
            manifest = json.load(f)
        with open(os.path.join(folder, FILES['worker']), encoding='utf-8') as f:
            worker = f.read()
        # The entries and the pack are in sw.js's config when the manifest file has the version alone.
        held = worker_config_of(worker) if 'entries' not in manifest else manifest
        found.update(version=manifest.get('version'), entries=len(held.get('entries', [])), pack=held.get('pack') or None)
        found['runtime'] = next((n for n in os.listdir(folder) if is_build_hashed_file(n) and n.endswith('.js') and n in worker), None)
    except (OSError, ValueError):
        pass
    return found


def state_response(request):
    """The server's side of the state page: text, or JSON with ``?json``; never stored."""
    found = deployed()
    if 'json' in request.GET:
        body, kind = json.dumps({'answeredBy': 'server', 'note': NO_WORKER, **found}, indent=2), 'application/json'
    else:
        lines = ['Shellac (answered by the server)', '', NO_WORKER, '', 'Deployed build']
        lines.append('  build folder   %s' % (found['buildDir'] or 'none: STATIC_ROOT is not set'))
        lines.append('  version        %s' % (found['version'] or 'none: run `python manage.py shellac_build`'))
        lines.append('  precached      %s' % ('%d entries' % found['entries'] if found['entries'] is not None else '-'))
        lines.append('  pack           %s' % (found['pack'] or 'none'))
        lines.append('  runtime        %s' % (found['runtime'] or '-'))
        body, kind = '\n'.join(lines) + '\n', 'text/plain; charset=utf-8'
    response = HttpResponse(body, content_type=kind)
    response['Cache-Control'] = 'no-store'
    response.shellac_own = True
    return response
