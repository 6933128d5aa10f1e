from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    path('', include('songbook.urls')),
    # The demo serves its collected static files itself; a deploy lets the web server or CDN do it.
    re_path(r'^static/(?P<path>.+)$', serve, {'document_root': settings.STATIC_ROOT}),
]

# Shellac: /sw.js, the scripts, the shell at /__shell.
urlpatterns += [path('', include('django_shellac.urls'))]
