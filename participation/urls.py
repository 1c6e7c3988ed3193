from django.conf import settings
from django.conf.urls.static import static
from django.urls import path, re_path

from participation import views, views_commissions, views_services
from participation.open311 import views as open311

app_name = "participation"
FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    path("demandes/", views.index, name="index"),
    path("demandes/nouvelle/", views.new, name="new"),
    path("demandes/nouvelle/similaires/", views.similar, name="similar"),
    path("demandes/envoyee/", views.sent, name="sent"),
    path("demandes/soutien-envoye/", views.support_sent, name="support-sent"),
    path("demandes/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("demandes/soutien/<str:token>/", views.confirm_support, name="confirm-support"),
    path("demandes/contester/<str:token>/", views.contest, name="contest"),
    path("demandes/statistiques/", views.statistics, name="statistics"),
    path("demandes/<int:pk>/", views.detail, name="detail"),
    path("demandes/<int:pk>/moi-aussi/", views.support, name="support"),
    path("demandes/traitement/", views_services.queue, name="queue"),
    path("demandes/traitement/<int:pk>/", views_services.handle, name="handle"),
    path("demandes/commissions/", views_commissions.index, name="commissions"),
    path("demandes/commissions/<slug:slug>/", views_commissions.detail, name="commission"),
    path("demandes/commissions/<slug:slug>/classement/", views_commissions.rank, name="rank"),
    path("demandes/commissions/<slug:slug>/compte-rendu/", views_commissions.minutes, name="minutes"),
    re_path(r"^open311/v2/discovery" + FMT, open311.discovery, name="open311-discovery"),
    re_path(r"^open311/v2/services" + FMT, open311.services, name="open311-services"),
    re_path(r"^open311/v2/services/(?P<code>[\w-]+)" + FMT, open311.service_definition, name="open311-service"),
    re_path(r"^open311/v2/requests" + FMT, open311.requests, name="open311-requests"),
    re_path(r"^open311/v2/requests/(?P<pk>\w+)" + FMT, open311.one_request, name="open311-request"),
]

# Uploaded photos: nginx serves MEDIA_ROOT in production (deploy/nginx); Django only in development.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
