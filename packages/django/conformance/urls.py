from django.urls import include, path

from . import views

urlpatterns = [
    path('lesson/3', views.lesson),
    path('account', views.account),
    path('logout', views.logout),
    path('cases/<str:name>', views.case),
    path('', include('django_shellac.urls')),
]
