"""Settings of the Django Songbook. Shellac takes four lines: the app, the middleware, the URLs
(in urls.py) and the SHELLAC dict at the end."""
import os
from pathlib import Path

import django

from .secret_key import secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get('SONGBOOK_DATA', BASE_DIR / 'data'))
DB_PATH = Path(os.environ.get('SONGBOOK_DB', DATA_DIR / 'songbook.sqlite3'))

SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY') or secret_key(DB_PATH.parent / 'secret-key')
DEBUG = os.environ.get('SONGBOOK_DEBUG') == '1'
ALLOWED_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] + [h for h in os.environ.get('SONGBOOK_HOSTS', '').split(',') if h]

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.staticfiles',
    'songbook',
]
MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]
ROOT_URLCONF = 'songbook_site.urls'
WSGI_APPLICATION = 'songbook_site.wsgi.application'
TEMPLATES = [{
    'BACKEND': 'django.template.backends.django.DjangoTemplates',
    'DIRS': [],
    'APP_DIRS': True,
    'OPTIONS': {'context_processors': ['django.template.context_processors.request', 'django.contrib.auth.context_processors.auth']},
}]
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': DB_PATH}}
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
USE_TZ = True
LANGUAGE_CODE = 'en'

LOGIN_URL = 'login'
LOGIN_REDIRECT_URL = 'account'
LOGOUT_REDIRECT_URL = 'home'
SESSION_COOKIE_AGE = 7 * 24 * 3600

# Static files named by their content, by Django itself: {% static %} gives the hashed URLs, and
# shellac_build reads which files there are from collectstatic's manifest.
STATIC_URL = '/static/'
STATIC_ROOT = Path(os.environ.get('SONGBOOK_STATIC_ROOT', BASE_DIR / 'build' / 'static'))
MANIFEST_STORAGE = 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'
if django.VERSION >= (4, 2):
    STORAGES = {'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'}, 'staticfiles': {'BACKEND': MANIFEST_STORAGE}}
else:
    STATICFILES_STORAGE = MANIFEST_STORAGE

# Shellac.
INSTALLED_APPS += ['django_shellac']
MIDDLEWARE += ['django_shellac.middleware.ShellacMiddleware']
SHELLAC = {
    'appShell': {},
    'save': {'also': ['/offline/']},
    'pages': {'maxEntries': 100, 'maxAgeSeconds': 604800, 'maxBytes': 20971520, 'networkTimeoutSeconds': 3},
    'routes': [
        {'match': '/lessons/:id/sheet.svg', 'strategy': 'cacheFirst', 'cacheName': 'sheets', 'maxEntries': 60},
        {'match': '/lessons/:id/clip.wav', 'strategy': 'cacheFirst', 'cacheName': 'clips', 'maxEntries': 30, 'maxBytes': 8000000},
    ],
}
# Tags are keyed by a secret derived from SECRET_KEY unless one is given; a comma-separated
# SONGBOOK_SECRET (newest first) rotates it without dropping anyone's offline pages.
if os.environ.get('SONGBOOK_SECRET'):
    SHELLAC['secret'] = os.environ['SONGBOOK_SECRET'].split(',')

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'loggers': {'django.server': {'handlers': ['console'], 'level': os.environ.get('SONGBOOK_LOG', 'INFO'), 'propagate': False}},
}
