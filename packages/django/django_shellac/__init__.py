"""Shellac for Django: the app-shell protocol as a Django app.

``INSTALLED_APPS += ['django_shellac']``, ``MIDDLEWARE += ['django_shellac.middleware.ShellacMiddleware']``,
``urlpatterns += [path('', include('django_shellac.urls'))]`` and ``SHELLAC = {...}``; then
``python manage.py collectstatic`` and ``python manage.py shellac_build``.
"""

__version__ = '0.1.0'
