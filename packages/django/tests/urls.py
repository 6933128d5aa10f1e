from django.contrib.auth.views import LogoutView
from django.urls import include, path

from . import views

urlpatterns = [
    path('lessons/<int:lesson_id>/', views.lesson, name='lesson'),
    path('page/', views.page),
    path('account/', views.account),
    path('named/', views.named),
    path('api/me', views.api_me),
    path('stream/', views.stream),
    path('go/<path:where>', views.go),
    path('titled/', views.titled),
    path('accounts/logout/', LogoutView.as_view(), name='logout'),
]
urlpatterns += [path('', include('django_shellac.urls'))]
