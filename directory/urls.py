from django.urls import path

from directory import easyread, moderation, views

app_name = "directory"
urlpatterns = [
    path("", views.home, name="home"),
    path("recherche/", views.results, name="results"),
    path("communes/", views.commune_suggestions, name="communes"),
    path("lieux/<int:pk>/", views.place_detail, name="place-short"),
    path("lieux/<int:pk>-<slug:slug>/", views.place_detail, name="place"),
    path("lieux/<int:pk>/fiche/", views.place_sheet, name="place-sheet"),
    path("lieux/<int:pk>/signaler/", views.report_error, name="report"),
    path("lieux/<int:pk>/signaler/merci/", views.report_thanks, name="report-thanks"),
    path("facile/", easyread.home, name="easy-home"),
    path("facile/recherche/", easyread.results, name="easy-results"),
    path("facile/lieux/<int:pk>/", easyread.place, name="easy-place"),
    path("facile/lieux/<int:pk>/fiche/", easyread.sheet, name="easy-sheet"),
    path("moderation/signalements/<int:pk>/", moderation.review, name="report-review"),
]
