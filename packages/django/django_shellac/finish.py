"""The protocol's headers on an application's response, decided here and nowhere else."""
import re

from django.utils.cache import patch_vary_headers

from .content_title import read_title
from .identity import apply_identity, identity_headers
from .protocol import HEADER
from .redirects import keep_content_only
from .titles import encode_title

HTML = re.compile(r'^\s*text/html\s*(;|$)', re.IGNORECASE)


def is_html(content_type):
    """True for an HTML Content-Type (the only responses finishing changes, logouts aside)."""
    return bool(content_type and HTML.match(content_type))


def finish_response(request, response, state, options):
    """Adds the protocol's headers: ``X-Shellac-User`` on HTML (and on a logout of any type);
    ``Vary: Service-Worker-Navigation-Preload`` on every HTML response; ``X-Shellac-Content:
    1`` and ``X-Shellac-Title`` on the content-only variant; ``from_appshell=1`` kept on the
    redirects of a content request. Shellac's own responses (files, the shell) pass untouched."""
    if getattr(response, 'shellac_own', False):
        return response
    html = is_html(response.get('Content-Type'))
    apply_identity(response, identity_headers(request, state, options, html))
    if state.by_param:
        keep_content_only(response, request)
    if not html:
        return response
    patch_vary_headers(response, [HEADER['navigationPreload']])
    if state.content_only:
        response[HEADER['content']] = '1'
        if not response.has_header(HEADER['title']):
            title = read_title(response)
            if title:
                response[HEADER['title']] = encode_title(title)
    return response
