"""The files ``shellac_build`` writes into ``STATIC_ROOT``, served at the site's root."""
import os
from email.utils import formatdate

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseNotAllowed, HttpResponseNotModified

from .build.content_types import content_type_for
from .etags import etag_matches

#: ``Cache-Control`` of a file whose name carries its content hash: it never changes.
IMMUTABLE = 'public, max-age=31536000, immutable'
#: ``Cache-Control`` of the others: caches keep them but ask the server (cheap with ETag/304).
REVALIDATE = 'no-cache'


def build_dir():
    """Where the build is: ``STATIC_ROOT`` (None when it is not set)."""
    root = getattr(settings, 'STATIC_ROOT', None)
    return os.fspath(root) if root else None


def plain(status, text):
    response = HttpResponse(text, status=status, content_type='text/plain; charset=utf-8')
    response['Cache-Control'] = 'no-store'
    response.shellac_own = True
    return response


def missing(name, folder):
    where = os.path.join(folder, name) if folder else '%s (STATIC_ROOT is not set)' % name
    return plain(404, 'Not found: %s is missing. Run `python manage.py collectstatic` and then '
                      '`python manage.py shellac_build` to write it.\n' % where)


def serve_build_file(request, name, cache_control, extra=None):
    """One file of the build: ETag from its size and modification time, 304 when the client's
    copy is current, no body for HEAD; GET and HEAD only."""
    if request.method not in ('GET', 'HEAD'):
        response = HttpResponseNotAllowed(['GET', 'HEAD'])
        response.shellac_own = True
        return response
    folder = build_dir()
    path = os.path.join(folder, name) if folder else None
    info = os.stat(path) if path and os.path.isfile(path) else None
    if info is None:
        return missing(name, folder)
    etag = '"%s-%s"' % (base36(info.st_size), base36(int(info.st_mtime * 1000)))
    headers = dict({'Cache-Control': cache_control, 'ETag': etag, 'Last-Modified': formatdate(info.st_mtime, usegmt=True)}, **(extra or {}))
    if etag_matches(request.headers.get('If-None-Match'), etag):
        response = HttpResponseNotModified()
    elif request.method == 'HEAD':
        response = HttpResponse(content_type=content_type_for(name))
        response['Content-Length'] = str(info.st_size)
    else:
        response = FileResponse(open(path, 'rb'), content_type=content_type_for(name))
        # FileResponse names the file for a download; these are scripts and data the browser runs.
        if response.has_header('Content-Disposition'):
            del response['Content-Disposition']
    for key, value in headers.items():
        response[key] = value
    response.shellac_own = True
    return response


def base36(n):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    out = ''
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out
