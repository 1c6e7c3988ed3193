from django.urls import path

from rights import handover_views, views

app_name = "rights"
urlpatterns = [
    path("droits/", views.questionnaire, name="questionnaire"),
    path("droits/resultats/", views.results, name="results"),
    path("droits/effacer/", views.forget, name="forget"),
    path("droits/suivi/", views.follow_up, name="follow-up"),
    path("droits/suivi/<str:token>/", views.follow_up_answer, name="followup"),
]
urlpatterns += [
    path("droits/transmettre/", handover_views.hand_over, name="hand-over"),
    path("droits/transmis/", handover_views.kept_list, name="handovers"),
    path("droits/transmis/<int:pk>/", handover_views.kept_detail, name="handover"),
    path("droits/transmis/<int:pk>/effacer/", handover_views.kept_delete, name="handover-delete"),
    path("droits/resultat-transmis/<str:token>/", handover_views.by_link, name="handover-link"),
]
