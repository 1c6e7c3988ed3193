from django.urls import path, re_path

from api import views

app_name = "api"
urlpatterns = [
    path("v1/lieux", views.places, name="places"),
    path("v1/lieux/<int:pk>", views.place, name="place"),
    path("v1/services", views.services, name="services"),
    path("v1/services/<int:pk>", views.service, name="service"),
    path("v1/recherche", views.recherche, name="recherche"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("docs", views.docs, name="docs"),
    # Anything else under /api/ answers a JSON 404, not the site's HTML page (newlines included: `.` would stop).
    re_path(r"^(?P<rest>[\s\S]*)$", views.unknown, name="unknown"),
]
