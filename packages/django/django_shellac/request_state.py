"""``request.shellac``: what the middleware knows of a request, and what its view tells it."""
from .protocol import APPSHELL_PARAM, HEADER, PRELOAD_CONTENT
from .user_tag import id_text

PRELOAD_META = 'HTTP_' + HEADER['navigationPreload'].upper().replace('-', '_')


def asks_by_param(request):
    """True when the query has ``from_appshell=1``."""
    return request.GET.get(APPSHELL_PARAM) == '1'


def asks_by_preload(request):
    """True when navigation preload asks for the content (``Service-Worker-Navigation-Preload: content``)."""
    return request.META.get(PRELOAD_META) == PRELOAD_CONTENT


class ShellacRequest:
    """One request's Shellac state, as ``request.shellac``.

    ``content_only`` and ``base_template`` are read by views and templates; ``user(id)`` and
    ``logged_out()`` tell the middleware who the response is for.
    """

    def __init__(self, request, options):
        #: The query asked for the content alone (its redirects keep asking).
        self.by_param = asks_by_param(request)
        #: True when the request asks for the content alone, by query parameter or preload header.
        self.content_only = self.by_param or asks_by_preload(request)
        #: ``SHELLAC['emptyTemplate']`` for the content alone, else ``SHELLAC['baseTemplate']``.
        self.base_template = options.empty_template if self.content_only else options.base_template
        self.said = None
        self.user_id = None

    def user(self, user_id):
        """Names the person this response is for (None: nobody), over ``request.user``."""
        id_text(user_id)  # here, so a wrong id fails at the call rather than at the response
        self.said = 'user'
        self.user_id = user_id

    def logged_out(self):
        """Marks the response as a logout (any type, a redirect too): ``X-Shellac-User: anonymous``.
        ``django.contrib.auth.logout()`` calls it through the ``user_logged_out`` signal."""
        self.said = 'logout'


def ask_like_the_query(request):
    """Puts ``from_appshell=1`` in ``request.GET`` of a preload that asks for the content, so a
    view that reads the query (the talk's ``'from_appshell' in request.GET``) chooses the content
    template however the content was asked for."""
    if asks_by_preload(request) and not asks_by_param(request):
        query = request.GET.copy()
        query[APPSHELL_PARAM] = '1'
        query._mutable = False
        request.GET = query
