"""django_shellac's one base error, with a typed code and structured details."""

#: Every code a :class:`ShellacError` may carry.
CODES = (
    'user-id',        # an id that names nobody in particular (a user object): UserIdError
    'static-root',    # STATIC_ROOT unset or missing
    'no-manifest',    # collectstatic has not run, or its manifest is unreadable
    'storage',        # the staticfiles storage is not ManifestStaticFilesStorage
    'config',         # settings.SHELLAC has problems (details: problems)
    'static-url',     # STATIC_URL is not a path of this site
    'site',           # the offline page or image is not a collected file, or too large
    'runtime',        # the package's prebuilt runtime is missing (a broken install)
)


class ShellacError(Exception):
    """An error of django_shellac: ``code`` (one of :data:`CODES`) says which, ``details`` holds
    what it is about (``file``, ``key``, ``value``, ``problems``); the message says what to do."""

    def __init__(self, code, message, **details):
        assert code in CODES, code
        super().__init__(message)
        self.code = code
        self.details = details


class BuildError(ShellacError):
    """A problem of the settings or of ``STATIC_ROOT`` that stops ``shellac_build``; nothing was
    written. The command prints its message and exits with code 1."""


class UserIdError(ShellacError, TypeError):
    """``request.shellac.user()`` (or a tag) was given something other than an id: a user
    object would become the same text for everyone, which is the leak tags exist to prevent."""
