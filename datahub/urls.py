from django.urls import path

from datahub import moderation

app_name = "datahub"
urlpatterns = [
    path("lieux/<int:pk>/", moderation.history, name="history"),
    path("modifications/<int:pk>/retablir/", moderation.revert, name="revert"),
]
