app_name = "civic"
urlpatterns = []
