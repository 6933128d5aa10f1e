"""The views ``django_shellac.urls`` routes to. Each answers GET and HEAD only, so each is exempt
from CSRF checks: another method gets 405 from the view, not Django's CSRF failure page."""
from django.http import HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

from .build_files import IMMUTABLE, REVALIDATE, serve_build_file
from .conf import ServerOptions
from .shell import render_shell
from .state_page import state_response

#: sw.js says its scope may be the whole site, wherever it is served.
WORKER_HEADERS = {'Service-Worker-Allowed': '/'}


@csrf_exempt
def worker(request):
    """``/sw.js``: revalidated on every check, scope ``/``."""
    return serve_build_file(request, 'sw.js', REVALIDATE, WORKER_HEADERS)


@csrf_exempt
def build_file(request, name):
    """``/shellac.js``, ``/shellac-shell.js``, ``/shellac-save.js``, ``/shellac-clear.js``, ``/shellac-manifest.json``."""
    return serve_build_file(request, name, REVALIDATE)


@csrf_exempt
def hashed_file(request, name):
    """``/shellac-runtime.<hash>.js`` and ``/shellac-pack.<hash>.bin``: named by their bytes."""
    return serve_build_file(request, name, IMMUTABLE)


@csrf_exempt
def shell(request):
    """``/__shell``: the base template with an empty content region."""
    return render_shell(request, ServerOptions.from_settings())


@csrf_exempt
def state(request):
    """``/__shellac/state`` when no worker answered it."""
    if request.method not in ('GET', 'HEAD'):
        response = HttpResponseNotAllowed(['GET', 'HEAD'])
        response.shellac_own = True
        return response
    return state_response(request)
