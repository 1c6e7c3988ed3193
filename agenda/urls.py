from django.urls import path

from agenda import feeds, space_views, views

app_name = "agenda"
urlpatterns = [
    path("agenda/", views.find, name="find"),
    path("agenda.ics", feeds.all_events, name="ics"),
    path("agenda/<int:pk>-<slug:slug>/", views.event, name="event"),
    path("agenda/<int:pk>.ics", feeds.event, name="event-ics"),
    path("agenda/programmes/<slug:slug>/", views.programme, name="programme"),
    path("agenda/programmes/<slug:slug>.ics", feeds.programme, name="programme-ics"),
    path("agenda/lieux/<int:pk>.ics", feeds.place, name="place-ics"),
    path("agenda/themes/<slug:slug>.ics", feeds.theme, name="theme-ics"),
    path("agenda/dates/<int:pk>.ics", feeds.occurrence, name="occurrence-ics"),
    path("agenda/dates/<int:pk>/inscription/", views.register, name="register"),
    path("agenda/inscriptions/<int:pk>/", views.registered, name="registered"),
    path("agenda/annuler/<str:token>/", views.cancel, name="cancel"),
    path("espace/agenda/", space_views.space, name="space"),
    path("espace/agenda/publier/", space_views.new, name="new"),
    path("espace/agenda/<int:pk>/", space_views.space_event, name="space-event"),
    path("espace/agenda/<int:pk>/modifier/", space_views.edit, name="edit"),
    path("espace/agenda/<int:pk>/annuler/", space_views.cancel_event, name="cancel-event"),
    path("espace/agenda/dates/<int:pk>/annuler/", space_views.cancel_occurrence, name="cancel-occurrence"),
    path("espace/agenda/dates/<int:pk>/presences/", space_views.attendance, name="attendance"),
    path("moderation/evenements/<int:pk>/", space_views.review, name="review"),
]
