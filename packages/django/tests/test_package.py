"""The package installs offline with pip (no setuptools download) and carries its runtime."""
import os
import subprocess
import sys
import tempfile
import zipfile

from django.test import SimpleTestCase

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PACKAGE, '_build'))
import shellac_backend  # noqa: E402  (the in-tree build backend pyproject.toml names)


class Wheel(SimpleTestCase):
    def test_the_wheel_holds_the_package_runtime_included_and_needs_django_only(self):
        with tempfile.TemporaryDirectory() as out:
            name = shellac_backend.build_wheel(out)
            self.assertEqual(name, 'django_shellac-0.1.0-py3-none-any.whl')
            with zipfile.ZipFile(os.path.join(out, name)) as wheel:
                files = wheel.namelist()
                metadata = wheel.read('django_shellac-0.1.0.dist-info/METADATA').decode()
        runtime = os.listdir(os.path.join(PACKAGE, 'django_shellac', 'runtime'))
        for file in runtime:
            self.assertIn('django_shellac/runtime/%s' % file, files)
        for file in ('django_shellac/middleware.py', 'django_shellac/urls.py', 'django_shellac/templatetags/shellac.py',
                     'django_shellac/management/commands/shellac_build.py', 'django_shellac-0.1.0.dist-info/RECORD'):
            self.assertIn(file, files)
        self.assertFalse([f for f in files if '__pycache__' in f or f.startswith('tests/')])
        self.assertEqual([line for line in metadata.splitlines() if line.startswith('Requires-Dist')], ['Requires-Dist: Django>=3.2'])

    def test_pip_installs_it_offline_into_a_virtual_environment(self):
        with tempfile.TemporaryDirectory() as venv:
            subprocess.run([sys.executable, '-m', 'venv', '--system-site-packages', venv], check=True)
            python = os.path.join(venv, 'bin', 'python')
            install = subprocess.run([python, '-m', 'pip', 'install', '--no-index', '--quiet', PACKAGE], capture_output=True, text=True)
            self.assertEqual(install.returncode, 0, install.stderr)
            where = subprocess.run([python, '-c', 'import django_shellac, os; print(os.path.dirname(django_shellac.__file__))'],
                                   capture_output=True, text=True, cwd=venv, check=True).stdout.strip()
            self.assertTrue(where.startswith(venv), where)
            self.assertTrue(any(n.startswith('shellac-runtime.') for n in os.listdir(os.path.join(where, 'runtime'))))
