"""The conformance fixture: the test app of packages/server/src/testing/app.ts, on Django, with
django_shellac as its only Shellac. The protocol checks (protocol-checks.ts) run against it over
HTTP, as they run against each Node adapter."""
import os

import django

HERE = os.path.dirname(os.path.abspath(__file__))

SECRET_KEY = 'conformance-fixture-secret-key-0123456789'
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']
INSTALLED_APPS = ['django.contrib.staticfiles', 'django_shellac', 'conformance']
# No session or authentication middleware: as in the Node test app, only views that name their
# person are tagged.
MIDDLEWARE = ['django_shellac.middleware.ShellacMiddleware']
ROOT_URLCONF = 'conformance.urls'
DATABASES = {}
TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [os.path.join(HERE, 'templates')]}]
STATIC_URL = '/static/'
STATIC_ROOT = os.environ.get('CONFORMANCE_STATIC_ROOT')
STATICFILES_DIRS = [os.path.join(HERE, 'static')]
MANIFEST_STORAGE = 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'
if django.VERSION >= (4, 2):
    STORAGES = {'staticfiles': {'BACKEND': MANIFEST_STORAGE}}
else:
    STATICFILES_STORAGE = MANIFEST_STORAGE
USE_TZ = True
# The user-tag secret and the logout's Clear-Site-Data of the Node test app (CASE_IDENTITY).
SHELLAC = {'appShell': {}, 'secret': 'adapter-tests-secret-0123456789', 'clearSiteData': True}
