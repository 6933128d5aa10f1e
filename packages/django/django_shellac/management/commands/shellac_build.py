"""``python manage.py shellac_build``: after ``collectstatic``, the precache manifest and ``sw.js``."""
import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import NoReverseMatch, reverse

from ...build.defaults import with_defaults
from ...errors import BuildError
from ...build.plan import plan_build
from ...build.static_files import collected_files
from ...build.summary import size, summary_lines
from ...build.write import write_build
from ...checks import problem_message
from ...conf import shellac_setting
from ...config_problems import config_problems
from ...protocol import SHELL_PATH
from ...server_keys import SERVER_KEYS


def static_root():
    root = getattr(settings, 'STATIC_ROOT', None)
    if not root:
        raise BuildError('static-root', 'STATIC_ROOT is not set: set it to the folder collectstatic fills, run collectstatic, then shellac_build.')
    if not os.path.isdir(root):
        raise BuildError('static-root', 'STATIC_ROOT (%s) does not exist: run `python manage.py collectstatic` first.' % root, file=os.fspath(root))
    return os.fspath(root)


def checked_config():
    setting = shellac_setting()
    problems = config_problems(setting, SERVER_KEYS) if isinstance(setting, dict) else [{'key': '', 'problem': 'must be a dict', 'value': setting}]
    if problems:
        lines = [problem_message(p) for p in problems]
        raise BuildError('config', lines[0] if len(lines) == 1 else '%d problems in settings.SHELLAC; nothing was written:\n%s' % (len(lines), '\n'.join('  ' + l for l in lines)), problems=problems)
    if not settings.STATIC_URL or not str(settings.STATIC_URL).startswith('/'):
        raise BuildError('static-url', 'STATIC_URL is %r: shellac_build precaches static files this site serves, so give their URL path (such as "/static/").' % settings.STATIC_URL, key='STATIC_URL', value=settings.STATIC_URL)
    return with_defaults(setting)


def shell_url():
    try:
        return reverse('shellac:shell')
    except NoReverseMatch:
        return SHELL_PATH


class Command(BaseCommand):
    help = 'Writes the precache manifest, the pack and sw.js (with settings.SHELLAC baked in) into STATIC_ROOT, after collectstatic.'

    def add_arguments(self, parser):
        parser.add_argument('--quiet', action='store_true', help='print warnings only')

    def handle(self, *args, quiet=False, **options):
        started = time.monotonic()
        try:
            config = checked_config()
            root = static_root()
            plan = plan_build(config, collected_files(root), shell_url(), None if quiet else self.progress())
            write_build(root, plan.files)
        except BuildError as error:
            raise CommandError('shellac: %s' % error) from error
        ms = round((time.monotonic() - started) * 1000)
        if not quiet:
            # Where it was written, as `shellac build` says it: relative to here when below it.
            shown = os.path.relpath(root) if not os.path.relpath(root).startswith('..') else root
            for line in summary_lines(plan, shown, ms):
                self.stdout.write(line)
        for warning in plan.warnings:
            self.stderr.write('shellac: warning: %s' % warning)

    def progress(self):
        """As ``shellac build`` reports: a line per thousand files, for folders of 500 files or more."""
        processed = [0]

        def on_file(done, nbytes, total):
            processed[0] += nbytes
            if total >= 500 and (done % 1000 == 0 or done == total):
                self.stderr.write('shellac: %d/%d files, %s processed' % (done, total, size(processed[0])))
        return on_file
