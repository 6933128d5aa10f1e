"""``django.contrib.auth.logout()`` marks its response as a logout, with no call in the view."""


def mark_logged_out(sender, request=None, **kwargs):
    """``user_logged_out`` receiver: the response of this request says ``anonymous``."""
    state = getattr(request, 'shellac', None)
    if state is not None:
        state.logged_out()
