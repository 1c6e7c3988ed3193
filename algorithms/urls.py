from django.urls import path

from algorithms import views

app_name = "algorithms"
urlpatterns = [
    path("algorithmes/", views.index, name="index"),
    path("algorithmes/<slug:slug>/", views.detail, name="detail"),
]
