"""Who a response is for: the ``X-Shellac-User`` (and maybe ``Clear-Site-Data``) it carries."""
from .protocol import ANONYMOUS, HEADER
from .user_tag import user_tag


def request_user_id(request):
    """The signed-in person's id from ``request.user`` (None when nobody); ``...`` (Ellipsis)
    when the request has no ``user`` (no ``AuthenticationMiddleware``): then nothing is said."""
    user = getattr(request, 'user', None)
    if user is None:
        return Ellipsis
    return user.pk if user.is_authenticated else None


def identity_headers(request, state, options, html):
    """The identity headers of a response, given whether it is HTML; {} to say nothing.

    A logout says ``anonymous`` on any response (a logout usually answers with a redirect, and
    the worker switches as soon as it sees it); otherwise only HTML is tagged: by the id the view
    gave ``request.shellac.user()``, else by ``request.user``.
    """
    if state.said == 'logout':
        found = {HEADER['user']: ANONYMOUS}
        if options.clear_site_data:
            found['Clear-Site-Data'] = options.clear_site_data
        return found
    if not html:
        return {}
    user_id = state.user_id if state.said == 'user' else request_user_id(request)
    if user_id is Ellipsis:
        return {}
    return {HEADER['user']: user_tag(options.secrets, user_id)}


def apply_identity(response, headers):
    """Puts the person on a response. A value the app set itself wins, and so does its own
    Cache-Control; without one, a tagged page is ``private``: no shared cache or CDN may hand
    one person's page to another."""
    for name, value in headers.items():
        if not response.has_header(name):
            response[name] = value
    tag = response.get(HEADER['user'])
    if tag is not None and tag.strip() != ANONYMOUS and not response.has_header('Cache-Control'):
        response['Cache-Control'] = 'private'


def user_tag_for(user_id):
    """The ``X-Shellac-User`` value for an id under this site's secret (None: ``anonymous``), for a
    response the middleware does not tag: JSON a ``perUser`` route caches, a header set by hand."""
    from .conf import ServerOptions  # settings are read at the call, not at import
    return user_tag(ServerOptions.from_settings().secrets, user_id)
