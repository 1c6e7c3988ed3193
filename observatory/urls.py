from django.urls import path

from observatory import dashboard_views, views

app_name = "observatory"
urlpatterns = [
    path("enquete/", views.survey, name="survey"),
    path("enquete/merci/", views.survey_thanks, name="survey-thanks"),
    path("observatoire/", dashboard_views.dashboard, name="dashboard"),
    path("observatoire/indicateurs/<slug:slug>/", dashboard_views.indicator, name="indicator"),
    path("observatoire/offre/", dashboard_views.supply_page, name="supply"),
    path("observatoire/signaux/", dashboard_views.signals_page, name="signals"),
    path("observatoire/methodologie/", dashboard_views.methodology, name="methodology"),
    path("observatoire/rapport/", dashboard_views.report, name="report"),
    path("observatoire/donnees/<slug:name>.csv", dashboard_views.csv_download, name="csv"),
    path("observatoire/saisie/", views.entry, name="entry"),
    path("observatoire/import/", views.import_responses, name="import"),
    path("observatoire/import/modele.csv", views.import_template, name="import-template"),
]
