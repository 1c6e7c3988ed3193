from django.contrib import admin
from django.urls import include, path

from core.views import health

admin.site.site_header = "Ancrage — administration"
admin.site.site_title = "Ancrage"
admin.site.index_title = "Coordination du territoire"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sante/", health, name="health"),
    path("api/", include("api.urls")),
    path("donnees-ouvertes/", include("opendata.urls")),
    path("", include("directory.urls")),
]
