"""``urlpatterns += [path('', include('django_shellac.urls'))]``: Shellac's URLs at the site's root."""
from django.urls import path, re_path

from . import views
from .protocol import FILES

app_name = 'shellac'

urlpatterns = [
    path(FILES['worker'], views.worker, name='worker'),
    path(FILES['client'], views.build_file, {'name': FILES['client']}, name='client'),
    path(FILES['shellClient'], views.build_file, {'name': FILES['shellClient']}, name='shell-client'),
    path(FILES['saveClient'], views.build_file, {'name': FILES['saveClient']}, name='save-client'),
    path(FILES['clearClient'], views.build_file, {'name': FILES['clearClient']}, name='clear-client'),
    path(FILES['manifest'], views.build_file, {'name': FILES['manifest']}, name='manifest'),
    re_path(r'^(?P<name>shellac-(?:runtime\.[0-9a-f]+\.js|pack\.[0-9a-f]+\.bin))\Z', views.hashed_file, name='hashed'),
    path('__shell', views.shell, name='shell'),
    path('__shellac/state', views.state, name='state'),
]
