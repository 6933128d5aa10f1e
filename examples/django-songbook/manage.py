#!/usr/bin/env python3
"""The Songbook's manage.py: `python3 manage.py start` prepares and serves the demo."""
import os
import sys


def use_repository_copy():
    """django_shellac from pip, or else the copy in this repository (on PYTHONPATH, as a Django
    project that vendors it would have it)."""
    try:
        import django_shellac  # noqa: F401
    except ImportError:
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'packages', 'django'))


if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'songbook_site.settings')
    use_repository_copy()
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
