from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.home, name="home"),
    path("structures/<int:pk>/", views.structure, name="structure"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
