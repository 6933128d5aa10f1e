"""Redirects of a content request keep asking for the content alone."""
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from django.utils.http import escape_leading_slashes

from .protocol import APPSHELL_PARAM, HEADER

REDIRECTS = (301, 302, 303, 307, 308)


def same_origin(location, request):
    """True for a Location on this site: a path, or a URL with this request's host."""
    parts = urlsplit(location)
    if not parts.scheme and not parts.netloc:
        return True
    return parts.scheme in ('http', 'https') and parts.netloc == request.get_host()


def keep_content_only(response, request):
    """A content request redirected (``/account?from_appshell=1`` → ``/login/``) goes on asking
    for the content: ``/login/?from_appshell=1``. The loader then gets the target's content, and
    shows its URL without the parameter. Other sites' URLs are left alone."""
    location = response.get('Location')
    if response.status_code not in REDIRECTS or not location or not same_origin(location, request):
        return
    parts = urlsplit(location)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(name == APPSHELL_PARAM for name, _ in query):
        return
    # Appended to the query as it is, so the target's other parameters keep their bytes.
    added = '%s=1' % APPSHELL_PARAM
    response['Location'] = urlunsplit(parts._replace(query='%s&%s' % (parts.query, added) if parts.query else added))


def page_of_content_url(request):
    """The page of a content URL opened as a page (``Sec-Fetch-Dest: document`` and no
    preload header: a shared link, a page loaded before any worker): its path and query
    without ``from_appshell``, or None for any other request."""
    if request.GET.get(APPSHELL_PARAM) != '1' or request.headers.get('Sec-Fetch-Dest') != 'document':
        return None
    if HEADER['navigationPreload'] in request.headers:
        return None
    query = request.GET.copy()
    del query[APPSHELL_PARAM]
    path = escape_leading_slashes(request.get_full_path().split('?', 1)[0])
    return path + ('?' + query.urlencode() if query else '')
