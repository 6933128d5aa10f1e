"""A PEP 517 / PEP 660 build backend for django-shellac, in the standard library alone.

pip builds a package in an isolated environment and downloads the backend named in
pyproject.toml into it; offline that fails. This backend needs nothing: it reads the
``[project]`` table of pyproject.toml (the subset this package uses) and zips the
``django_shellac`` folder, prebuilt runtime included, into a wheel.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = 'django_shellac'
SKIP = re.compile(r'(__pycache__|\.pyc$|\.pyo$|\.DS_Store$)')


def project():
    """The ``[project]`` table: ``key = "text"`` and ``key = ["a", "b"]`` lines."""
    found, inside, key, items = {}, False, None, None
    with open(os.path.join(ROOT, 'pyproject.toml'), encoding='utf-8') as f:
        for line in f:
            line = line.split(' #')[0].strip()
            if line.startswith('['):
                inside = line == '[project]' if items is None else inside
            if not inside or not line or line.startswith('#'):
                continue
            if items is not None:
                items += re.findall(r'"([^"]*)"', line)
                if line.endswith(']'):
                    found[key], items = items, None
                continue
            key, _, value = (part.strip() for part in line.partition('='))
            if value.startswith('['):
                items = re.findall(r'"([^"]*)"', value)
                if value.endswith(']'):
                    found[key], items = items, None
            else:
                found[key] = value.strip('"')
    return found


def metadata():
    p = project()
    lines = ['Metadata-Version: 2.1', 'Name: %s' % p['name'], 'Version: %s' % p['version'], 'Summary: %s' % p['description'],
             'License: %s' % p['license'], 'Requires-Python: %s' % p['requires-python']]
    lines += ['Classifier: %s' % c for c in p.get('classifiers', [])] + ['Requires-Dist: %s' % d for d in p.get('dependencies', [])]
    lines += ['Description-Content-Type: text/markdown', '']
    with open(os.path.join(ROOT, p['readme']), encoding='utf-8') as f:
        return '\n'.join(lines) + '\n' + f.read()


def package_files():
    """Every file of the package, as (path in the archive, path on disk)."""
    for folder, dirs, files in os.walk(os.path.join(ROOT, PACKAGE)):
        dirs[:] = sorted(d for d in dirs if not SKIP.search(d))
        for name in sorted(files):
            if not SKIP.search(name):
                disk = os.path.join(folder, name)
                yield os.path.relpath(disk, ROOT).replace(os.sep, '/'), disk


def dist_name():
    p = project()
    return '%s-%s' % (p['name'].replace('-', '_'), p['version'])


def write_wheel(directory, contents):
    """Writes a wheel of ``contents`` (archive path → bytes) with its dist-info and RECORD."""
    name = dist_name()
    info = '%s.dist-info' % name
    contents = dict(contents)
    contents['%s/METADATA' % info] = metadata().encode('utf-8')
    contents['%s/WHEEL' % info] = b'Wheel-Version: 1.0\nGenerator: shellac_backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
    contents['%s/top_level.txt' % info] = (PACKAGE + '\n').encode('utf-8')
    record = ['%s,sha256=%s,%d' % (path, base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode(), len(data))
              for path, data in contents.items()]
    contents['%s/RECORD' % info] = ('\n'.join(record + ['%s/RECORD,,' % info]) + '\n').encode('utf-8')
    wheel = '%s-py3-none-any.whl' % name
    with zipfile.ZipFile(os.path.join(directory, wheel), 'w', zipfile.ZIP_DEFLATED) as z:
        for path, data in contents.items():
            z.writestr(zipfile.ZipInfo(path, (2020, 1, 1, 0, 0, 0)), data)
    return wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {}
    for path, disk in package_files():
        with open(disk, 'rb') as f:
            files[path] = f.read()
    return write_wheel(wheel_directory, files)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """``pip install -e``: a wheel whose .pth puts this folder on the path."""
    return write_wheel(wheel_directory, {'%s.pth' % PACKAGE: (ROOT + '\n').encode('utf-8')})


def build_sdist(sdist_directory, config_settings=None):
    name = dist_name()
    archive = '%s.tar.gz' % name
    with tarfile.open(os.path.join(sdist_directory, archive), 'w:gz') as tar:
        extra = [('pyproject.toml', os.path.join(ROOT, 'pyproject.toml')), ('README.md', os.path.join(ROOT, 'README.md')),
                 ('_build/shellac_backend.py', os.path.abspath(__file__))]
        for path, disk in extra + list(package_files()):
            tar.add(disk, '%s/%s' % (name, path))
        data = ('Metadata-Version: 2.1\n' + metadata().split('Metadata-Version: 2.1\n', 1)[1]).encode('utf-8')
        info = tarfile.TarInfo('%s/PKG-INFO' % name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return archive


def get_requires_for_build_wheel(config_settings=None):
    return []


get_requires_for_build_sdist = get_requires_for_build_editable = get_requires_for_build_wheel
