"""The static files ``collectstatic`` put in ``STATIC_ROOT``, as ManifestStaticFilesStorage
names them: Django's own hashed names, no second hashing scheme."""
import json
import os

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

from ..errors import BuildError


class StaticFile:
    """One collected file: its source name, its hashed name, its URL and where its bytes are."""

    def __init__(self, name, hashed, url, path):
        self.name = name
        self.hashed = hashed
        self.url = url
        self.path = path
        self.size = os.path.getsize(path)

    def read(self):
        with open(self.path, 'rb') as f:
            return f.read()


def manifest_paths(root):
    """``staticfiles.json``'s ``paths``: source name → hashed name."""
    name = getattr(staticfiles_storage, 'manifest_name', 'staticfiles.json')
    path = os.path.join(root, name)
    try:
        with open(path, encoding='utf-8') as f:
            paths = json.load(f).get('paths')
    except FileNotFoundError:
        raise BuildError('no-manifest', '%s does not exist: run `python manage.py collectstatic` first, then shellac_build.' % path, file=path)
    except (OSError, ValueError, AttributeError) as error:
        raise BuildError('no-manifest', '%s is not a staticfiles manifest (%s): run `python manage.py collectstatic` again.' % (path, error), file=path)
    if not isinstance(paths, dict):
        raise BuildError('no-manifest', '%s has no "paths": run `python manage.py collectstatic` again.' % path, file=path)
    return paths


def collected_files(root):
    """Every file the manifest names, by source name; its URL is the one ``{% static %}`` gives
    (the hashed one, whatever DEBUG says)."""
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        raise BuildError('storage', 'shellac_build reads the file names ManifestStaticFilesStorage gives: set it as the staticfiles storage '
                         '(STORAGES["staticfiles"]["BACKEND"] from Django 4.2, STATICFILES_STORAGE before), then run collectstatic.')
    files = []
    for name, hashed in sorted(manifest_paths(root).items()):
        path = os.path.join(root, hashed)
        if os.path.isfile(path):
            files.append(StaticFile(name, hashed, staticfiles_storage.url(name, force=True), path))
    return files
