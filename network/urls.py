from django.urls import path

from network import practice_views, views

app_name = "network"
urlpatterns = [
    path("reseau/", views.home, name="home"),
    path("reseau/mon-profil/", views.my_profile, name="my-profile"),
    path("reseau/mon-profil/retirer/", views.withdraw_profile, name="withdraw-profile"),
    path("reseau/profils/<int:pk>/", views.profile, name="profile"),
    path("reseau/structures/<int:pk>/", views.structure, name="structure"),
    path("reseau/activite.csv", views.activity_csv, name="activity-csv"),
    path("pratiques/", practice_views.index, name="practices"),
    path("pratiques/mes-fiches/", practice_views.mine, name="mine"),
    path("pratiques/nouvelle/", practice_views.new, name="new-practice"),
    path("pratiques/<int:pk>/", practice_views.detail, name="practice"),
    path("pratiques/<int:pk>/modifier/", practice_views.edit, name="edit-practice"),
    path("moderation/pratiques/<int:pk>/", practice_views.review, name="review-practice"),
]
