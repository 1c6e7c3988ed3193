from django.urls import path

from rights import views

app_name = "rights"
urlpatterns = [
    path("droits/", views.questionnaire, name="questionnaire"),
    path("droits/resultats/", views.results, name="results"),
    path("droits/effacer/", views.forget, name="forget"),
    path("droits/suivi/", views.follow_up, name="follow-up"),
    path("droits/suivi/<str:token>/", views.follow_up_answer, name="followup"),
]
