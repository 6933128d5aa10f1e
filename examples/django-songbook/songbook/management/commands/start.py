"""`python3 manage.py start`: the demo in one command. Prepares the database (created and
seeded on first use), collects the static files and builds Shellac's worker, then serves."""
import signal
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler, get_internal_wsgi_application


class Command(BaseCommand):
    help = 'Prepares the Songbook (migrate, collectstatic, shellac_build) and serves it.'

    def add_arguments(self, parser):
        parser.add_argument('--host', default='127.0.0.1')
        parser.add_argument('--port', type=int, default=8000, help='0 picks a free port')
        parser.add_argument('--no-prepare', action='store_true', help='serve as prepared before (tests prepare once)')

    def handle(self, host, port, no_prepare, **options):
        if not no_prepare:
            call_command('migrate', interactive=False, verbosity=0)
            call_command('collectstatic', interactive=False, verbosity=0)
            call_command('shellac_build', quiet=True)
        server = ThreadedWSGIServer((host, port), WSGIRequestHandler, ipv6=':' in host)
        server.set_app(get_internal_wsgi_application())
        # SIGTERM ends the process cleanly (a test or a process manager stopping it).
        signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))
        shown = '[%s]' % host if ':' in host else host
        self.stdout.write('Songbook: http://%s:%d/ (alice or bob, password "songbook")' % (shown, server.server_address[1]))
        self.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
