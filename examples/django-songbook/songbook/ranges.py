"""Bytes held in memory (a lesson's clip and sheet music) served with ranges and validators, as
a media player needs them: it asks for the part it plays, and seeks."""
import re

from django.http import HttpResponse, HttpResponseNotModified

RANGE = re.compile(r'^bytes=(\d*)-(\d*)$')


def etag_matches(header, etag):
    """If-None-Match's weak comparison: any listed tag, W/ or not, or ``*``."""
    strip = lambda t: t.strip()[2:] if t.strip().startswith('W/') else t.strip()
    return bool(header) and any(t.strip() == '*' or strip(t) == strip(etag) for t in header.split(','))


def byte_range(header, size):
    """The one range asked for as (first, last), ``'unsatisfiable'``, or None for the whole body
    (no header, a malformed one, several ranges: RFC 9110 lets a server send it all)."""
    m = RANGE.match(header.strip()) if header else None
    if not m or (not m.group(1) and not m.group(2)):
        return None
    if not m.group(1):
        suffix = int(m.group(2))
        return (max(0, size - suffix), size - 1) if suffix > 0 and size > 0 else 'unsatisfiable'
    first = int(m.group(1))
    last = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
    if first >= size or (m.group(2) and int(m.group(2)) < first):
        return 'unsatisfiable' if first >= size else None
    return first, last


def range_response(request, body, etag, content_type, cache_control='public, max-age=3600'):
    """200 with the whole body, 206 with the part asked for, 304 when the client's copy is
    current, 416 when the range misses the body; If-Range sends the whole body when it changed."""
    if etag_matches(request.headers.get('If-None-Match'), etag):
        response = HttpResponseNotModified()
        response['ETag'] = etag
        return response
    wanted = byte_range(request.headers.get('Range'), len(body))
    if_range = request.headers.get('If-Range')
    if wanted is not None and if_range and if_range.strip() != etag:
        wanted = None  # the client's partial copy is of another version: it gets this one whole
    if wanted == 'unsatisfiable':
        response = HttpResponse(status=416)
        response['Content-Range'] = 'bytes */%d' % len(body)
        return response
    if wanted is None:
        response = HttpResponse(body, content_type=content_type)
    else:
        first, last = wanted
        response = HttpResponse(body[first:last + 1], content_type=content_type, status=206)
        response['Content-Range'] = 'bytes %d-%d/%d' % (first, last, len(body))
    response['Accept-Ranges'] = 'bytes'
    response['ETag'] = etag
    response['Cache-Control'] = cache_control
    return response
