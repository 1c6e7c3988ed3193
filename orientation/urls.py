app_name = "orientation"
urlpatterns = []
