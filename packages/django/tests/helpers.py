"""Test helpers: a temporary STATIC_ROOT, filled by collectstatic like a deploy."""
import io
import shutil
import tempfile

from django.core.management import call_command
from django.test import override_settings


class TemporaryStaticRoot:
    """A fresh STATIC_ROOT for the duration of a test (``with TemporaryStaticRoot() as root:``),
    optionally collected; staticfiles' storage is set up again for it."""

    def __init__(self, collect=True):
        self.collect = collect

    def __enter__(self):
        self.root = tempfile.mkdtemp(prefix='shellac-static-')
        self.override = override_settings(STATIC_ROOT=self.root)
        self.override.enable()
        if self.collect:
            call_command('collectstatic', interactive=False, verbosity=0, stdout=io.StringIO())
        return self.root

    def __exit__(self, *exc):
        self.override.disable()
        shutil.rmtree(self.root, ignore_errors=True)


def build(*args, **kwargs):
    """Runs shellac_build; returns (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command('shellac_build', *args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()
