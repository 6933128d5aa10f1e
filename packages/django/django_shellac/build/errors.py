"""The error of a build that cannot be carried out."""


class BuildError(Exception):
    """A problem of the settings or of ``STATIC_ROOT``: the message says what to do. Nothing
    was written."""
