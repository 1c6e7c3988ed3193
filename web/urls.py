from django.urls import path

from web import views

app_name = "web"
urlpatterns = [
    path("mentions-legales/", views.legal_notice, name="legal-notice"),
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("plan-du-site/", views.site_map, name="site-map"),
]
