"""``ShellacMiddleware``: the app-shell protocol for every view of a Django site."""
from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers

from .conf import ServerOptions
from .finish import finish_response
from .protocol import HEADER
from .redirects import page_of_content_url
from .request_state import ShellacRequest, ask_like_the_query


class ShellacMiddleware:
    """Add last to ``MIDDLEWARE``: ``MIDDLEWARE += ['django_shellac.middleware.ShellacMiddleware']``.

    Before the view: a content URL opened as a page is sent to the page; ``request.shellac`` is
    set (``content_only``, ``base_template``, ``user(id)``, ``logged_out()``); a preload that asks
    for the content gets ``from_appshell=1`` in ``request.GET``. After it: the protocol's headers
    (``finish_response``). The settings are read once, here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.options = ServerOptions.from_settings()

    def __call__(self, request):
        page = page_of_content_url(request)
        if page is not None:
            # Content alone must never show as a page. The worker does the same once installed.
            response = HttpResponseRedirect(page)
            patch_vary_headers(response, [HEADER['navigationPreload']])
            response.shellac_own = True
            return response
        state = ShellacRequest(request, self.options)
        request.shellac = state
        ask_like_the_query(request)
        return finish_response(request, self.get_response(request), state, self.options)
