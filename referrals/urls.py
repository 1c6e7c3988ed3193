from django.urls import path

from referrals import views

app_name = "referrals"
urlpatterns = [
    path("orienter/adresser/<int:service>/", views.new, name="new"),
    path("orienter/adressages/", views.mine, name="mine"),
    path("orienter/adressages/<int:pk>/", views.detail, name="detail"),
    path("orienter/adressages/<int:pk>/venue/", views.attendance, name="attendance"),
    path("orienter/reponse/<int:pk>/<str:token>/", views.answer, name="answer"),
]
