"""Runs django_shellac's tests with Django's test runner: ``python3 runtests.py [labels]``
(from any folder; the package and its tests are found beside this file)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    sys.path.insert(0, HERE)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'tests.settings'
    import django
    from django.conf import settings
    from django.test.utils import get_runner

    django.setup()
    runner = get_runner(settings)(verbosity=2 if '-v' in argv else 1)
    labels = [a for a in argv if not a.startswith('-')] or ['tests']
    return 1 if runner.run_tests(labels) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
