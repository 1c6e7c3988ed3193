from django.urls import path

from proposals import moderation, views

app_name = "proposals"
urlpatterns = [
    path("proposer/", views.start, name="start"),
    path("proposer/lieu/<int:pk>/", views.for_place, name="for-place"),
    path("proposer/etape/<slug:step>/", views.step, name="step"),
    path("proposer/envoyee/", views.sent, name="sent"),
    path("proposer/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("moderation/propositions/<int:pk>/", moderation.review, name="review"),
]
