from django.contrib.auth import views as auth
from django.urls import path

from . import views

urlpatterns = [
    path('', views.home, name='home'),
    path('lessons/<int:lesson_id>/', views.lesson, name='lesson'),
    path('lessons/<int:lesson_id>/sheet.svg', views.sheet, name='sheet'),
    path('lessons/<int:lesson_id>/clip.wav', views.clip, name='clip'),
    path('lessons/<int:lesson_id>/practice', views.practice, name='practice'),
    path('account/', views.account, name='account'),
    path('about/', views.about, name='about'),
    path('offline/', views.on_this_device, name='offline'),
    path('accounts/login/', auth.LoginView.as_view(), name='login'),
    path('accounts/logout/', auth.LogoutView.as_view(), name='logout'),
]
