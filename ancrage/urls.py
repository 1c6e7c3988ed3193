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
    path("moderation/", include("moderation.urls")),
    path("moderation/historique/", include("datahub.urls")),
    path("", include("contributions.urls")),
    path("", include("proposals.urls")),
    path("", include("web.urls")),
    path("", include("directory.urls")),
]

# The site's French error pages (also with DEBUG on: web.middleware.FrenchErrorPagesMiddleware).
handler403 = "web.views.permission_denied"
handler404 = "web.views.page_not_found"
handler500 = "web.views.server_error"
