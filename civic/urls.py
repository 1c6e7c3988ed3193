from django.urls import path

from civic.views import commitments, councils, debates, juries

app_name = "civic"
urlpatterns = [
    path("debats/", debates.index, name="debates"),
    path("debats/participer/", debates.participate, name="participate"),
    path("debats/participer/<str:token>/", debates.participant_confirm, name="participant-confirm"),
    path("debats/signaler/<str:kind>/<int:pk>/", debates.flag, name="flag"),
    path("debats/<slug:slug>/", debates.debate, name="debate"),
    path("debats/<slug:slug>/<int:pk>/", debates.proposal, name="proposal"),
    path("debats/<slug:slug>/<int:pk>/soutenir/", debates.support, name="support"),
    path("debats/<slug:slug>/<int:pk>/repondre/", debates.answer, name="answer"),
    path("moderation/debats/<str:kind>/<int:pk>/", debates.review, name="review"),
    path("engagements/", commitments.index, name="commitments"),
    path("engagements/suivre/<str:token>/", commitments.follow_confirm, name="follow-confirm"),
    path("engagements/desabonner/<str:token>/", commitments.unfollow, name="unfollow"),
    path("engagements/<slug:slug>/", commitments.detail, name="commitment"),
    path("engagements/<slug:slug>/mettre-a-jour/", commitments.edit, name="commitment-edit"),
    path("conseils/", councils.index, name="councils"),
    path("conseils/<slug:slug>/", councils.council, name="council"),
    path("conseils/<slug:slug>/saisie/", councils.enter, name="enter"),
    path("conseils/<slug:slug>/import/", councils.import_votes, name="import"),
    path("conseils/<slug:slug>/seances/<str:day>/", councils.sitting, name="sitting"),
    path("conseils/<slug:slug>/deliberations/<int:pk>/", councils.deliberation, name="deliberation"),
    path("conseils/<slug:slug>/deliberations/<int:pk>/votes/", councils.enter_votes, name="votes-entry"),
    path("conseils/<slug:slug>/elus/<slug:member>/", councils.councillor, name="councillor"),
    path("jurys/", juries.index, name="juries"),
    path("jurys/candidature/<str:token>/", juries.volunteer_confirm, name="volunteer-confirm"),
    path("jurys/<slug:slug>/", juries.jury, name="jury"),
    path("jurys/<slug:slug>/tirage/", juries.draw, name="draw"),
    path("jurys/<slug:slug>/volontaires.csv", juries.volunteers_csv, name="volunteers-csv"),
]
