from allauth.account import views as allauth_views
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views
from core.views import health

admin.site.site_header = "Ancrage — administration"
admin.site.site_title = "Ancrage"
admin.site.index_title = "Coordination du territoire"

urlpatterns = [
    # One login for everyone (password or e-mailed code, then the second factor if set): the admin's too.
    path("admin/login/", account_views.admin_login),
    path("admin/", admin.site.urls),
    path("sante/", health, name="health"),
    path("api/", include("api.urls")),
    path("donnees-ouvertes/", include("opendata.urls")),
]

# French at unprefixed addresses, every other language under its prefix (/en/…): core/i18n.py.
urlpatterns += i18n_patterns(
    path("compte/", include("accounts.urls")),
    path("compte/", include("allauth.urls")),
    # After allauth's: reverse() gives the last pattern of a name, so its links lead here.
    path("connexion/", allauth_views.login, name="account_login"),
    path("deconnexion/", allauth_views.logout, name="account_logout"),
    path("moderation/", include("moderation.urls")),
    path("moderation/historique/", include("datahub.urls")),
    path("", include("contributions.urls")),
    path("", include("proposals.urls")),
    path("", include("orientation.urls")),
    path("", include("referrals.urls")),
    path("", include("agenda.urls")),
    path("", include("network.urls")),
    path("", include("rights.urls")),
    path("", include("participation.urls")),
    path("", include("civic.urls")),
    path("", include("observatory.urls")),
    path("", include("algorithms.urls")),
    path("", include("web.urls")),
    path("", include("directory.urls")),
    path("", include("freshness.urls")),
    prefix_default_language=False,
)

# The site's French error pages (also with DEBUG on: web.middleware.FrenchErrorPagesMiddleware).
handler403 = "web.views.permission_denied"
handler404 = "web.views.page_not_found"
handler500 = "web.views.server_error"
