from django.urls import path

from orientation import views

app_name = "orientation"
urlpatterns = [
    path("orienter/", views.sheet_list, name="list"),
    path("orienter/nouvelle/", views.sheet_new, name="new"),
    path("orienter/<int:pk>/", views.sheet_edit, name="edit"),
    path("orienter/<int:pk>/supprimer/", views.sheet_delete, name="delete"),
    path("orienter/<int:pk>/resultats/", views.sheet_results, name="results"),
    path("orienter/<int:pk>/fiche/<int:service_pk>/", views.sheet_fiche, name="fiche"),
]
