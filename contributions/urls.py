from django.urls import path

from contributions import review_views, temporary_views, views

app_name = "contributions"
urlpatterns = [
    path("espace/", views.home, name="home"),
    path("espace/lieux/<int:pk>/", views.place, name="place"),
    path("espace/lieux/<int:pk>/modifier/", views.edit_place, name="edit-place"),
    path("espace/lieux/<int:pk>/apercu/", views.preview, name="preview"),
    path("espace/lieux/<int:pk>/services/ajouter/", views.add_service, name="add-service"),
    path("espace/services/<int:pk>/modifier/", views.edit_service, name="edit-service"),
    path("espace/services/<int:pk>/supprimer/", views.delete_service, name="delete-service"),
    path("espace/lieux/<int:pk>/temporaire/ajouter/", temporary_views.add_temporary, name="add-temporary"),
    path("espace/temporaire/<int:pk>/modifier/", temporary_views.edit_temporary, name="edit-temporary"),
    path("espace/temporaire/<int:pk>/supprimer/", temporary_views.delete_temporary, name="delete-temporary"),
    path("moderation/modifications/<int:pk>/", review_views.review_contribution, name="review"),
]
