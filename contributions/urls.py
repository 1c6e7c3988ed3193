from django.urls import path

from contributions import review_views, views

app_name = "contributions"
urlpatterns = [
    path("espace/", views.home, name="home"),
    path("espace/lieux/<int:pk>/", views.place, name="place"),
    path("espace/lieux/<int:pk>/modifier/", views.edit_place, name="edit-place"),
    path("espace/lieux/<int:pk>/apercu/", views.preview, name="preview"),
    path("espace/lieux/<int:pk>/services/ajouter/", views.add_service, name="add-service"),
    path("espace/services/<int:pk>/modifier/", views.edit_service, name="edit-service"),
    path("espace/services/<int:pk>/supprimer/", views.delete_service, name="delete-service"),
    path("moderation/modifications/<int:pk>/", review_views.review_contribution, name="review"),
]
