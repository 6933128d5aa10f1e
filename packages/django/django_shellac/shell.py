"""The shell at ``/__shell``: the base template with an empty content region, versioned by its hash."""
import hashlib

from django.http import HttpResponseNotAllowed, HttpResponseNotModified
from django.shortcuts import render

from .build_files import REVALIDATE
from .etags import etag_matches
from .protocol import HEADER


def nobody():
    """The user the shell is rendered for: one shell serves everyone who uses a browser."""
    from django.contrib.auth.models import AnonymousUser  # only where django.contrib.auth is installed
    return AnonymousUser()


def shell_hash(body):
    """The shell's version: the first 16 hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(body).hexdigest()[:16]


def versioned(request, response):
    """The rendered shell as the worker caches it: hashed, so it can tell a new shell from the
    one it holds; ``no-cache``, so every check reaches the server; 304 when it has these bytes.
    A shell that failed (not 2xx) is passed on unversioned: no worker keeps an error page."""
    if not 200 <= response.status_code < 300:
        return response
    digest = shell_hash(response.content)
    etag = '"%s"' % digest
    if etag_matches(request.headers.get('If-None-Match'), etag):
        response = HttpResponseNotModified()
    else:
        response['Content-Length'] = str(len(response.content))
        if request.method == 'HEAD':
            response.content = b''
    response['ETag'] = etag
    response[HEADER['shell']] = digest
    response['Cache-Control'] = REVALIDATE
    return response


def render_shell(request, options):
    """Renders ``SHELLAC['baseTemplate']`` for nobody in particular, with ``shellac_shell``
    true: ``{% shellac_content %}`` leaves its region empty, and the template can leave out what
    belongs to one person (a name, a form with a CSRF token)."""
    if request.method not in ('GET', 'HEAD'):
        response = HttpResponseNotAllowed(['GET', 'HEAD'])
    else:
        if hasattr(request, 'user'):
            request.user = nobody()
        response = versioned(request, render(request, options.base_template, {'shellac_shell': True}))
    response.shellac_own = True
    return response
