"""Serves the fixture on 127.0.0.1 at a free port and prints it: ``python3 -m conformance.serve``."""
import os
import sys

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'conformance.settings')

import django  # noqa: E402

django.setup()

from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler, get_internal_wsgi_application  # noqa: E402


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = ThreadedWSGIServer(('127.0.0.1', 0), Quiet)
server.set_app(get_internal_wsgi_application())
sys.stdout.write('listening %d\n' % server.server_address[1])
sys.stdout.flush()
server.serve_forever()
