"""Settings of the test project: a small site that uses django_shellac as the docs say."""
import os

import django

HERE = os.path.dirname(os.path.abspath(__file__))

SECRET_KEY = 'django-insecure-0123456789abcdefghijklmnopqrstuvwxyz'
DEBUG = False
ALLOWED_HOSTS = ['testserver', '127.0.0.1', 'localhost']
INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.staticfiles',
    'tests',
    'django_shellac',
]
MIDDLEWARE = [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django_shellac.middleware.ShellacMiddleware',
]
ROOT_URLCONF = 'tests.urls'
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}
TEMPLATES = [{
    'BACKEND': 'django.template.backends.django.DjangoTemplates',
    'DIRS': [os.path.join(HERE, 'templates')],
    'APP_DIRS': True,
    'OPTIONS': {'context_processors': ['django.template.context_processors.request', 'django.contrib.auth.context_processors.auth']},
}]
STATIC_URL = '/static/'
STATIC_ROOT = os.path.join(HERE, 'static-root-unused')  # the build tests give each test its own
STATICFILES_DIRS = [os.path.join(HERE, 'static')]
MANIFEST_STORAGE = 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'
if django.VERSION >= (4, 2):
    STORAGES = {'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'}, 'staticfiles': {'BACKEND': MANIFEST_STORAGE}}
else:
    STATICFILES_STORAGE = MANIFEST_STORAGE
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'
USE_TZ = True
PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']  # fast logins in tests
LOGOUT_REDIRECT_URL = '/'
SHELLAC = {'appShell': {}, 'save': {'also': ['/offline/']}}
