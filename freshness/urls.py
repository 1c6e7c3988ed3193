from django.urls import path

from freshness import views

app_name = "freshness"
urlpatterns = [
    path("lieux/<int:pk>/a-jour/<str:token>/", views.confirm, name="confirm"),
    path("espace/lieux/<int:pk>/a-jour/", views.confirm_in_space, name="confirm-in-space"),
    path("coordination/fraicheur/", views.dashboard, name="dashboard"),
]
